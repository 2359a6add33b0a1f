package org.shutong.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares (see {@code shutong-platform-defaults.yaml})
 * with the lowest precedence, so a service's own configuration always wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.acceptsProfiles(Profiles.of("mysql"))) {
			addLast(environment, "shutong-platform-defaults-mysql");
		}
		addLast(environment, "shutong-platform-defaults");
	}

	private static void addLast(ConfigurableEnvironment environment, String name) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(name,
					new ClassPathResource(name + ".yaml"))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
