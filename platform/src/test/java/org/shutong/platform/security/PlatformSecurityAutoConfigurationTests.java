package org.shutong.platform.security;

import org.junit.jupiter.api.Test;
import org.shutong.platform.web.PlatformWebAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformWebAutoConfiguration.class,
				PlatformSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withPropertyValues("shutong.security.issuer=http://gateway.test",
				"shutong.security.jwk-set-uri=http://gateway.test/oauth2/jwks",
				"shutong.security.jws-algorithms=ES256");

	@Test
	void refusesToStartWithoutAnAudience() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("shutong.security.audience"));
	}

	@Test
	void declaresTheDefaultFilterChain() {
		this.runner.withPropertyValues("shutong.security.audience=catalog-service")
			.run((context) -> assertThat(context).hasSingleBean(JwtDecoder.class)
				.hasSingleBean(SecurityFilterChain.class)
				.hasBean("platformSecurityFilterChain"));
	}

	@Test
	void keepsAFilterChainTheServiceDeclares() {
		this.runner.withPropertyValues("shutong.security.audience=catalog-service")
			.withUserConfiguration(OwnFilterChain.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SecurityFilterChain.class).hasSingleBean(JwtDecoder.class);
				assertThat(context.getBean(SecurityFilterChain.class)).isSameAs(context.getBean("ownChain"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilterChain {

		@Bean
		SecurityFilterChain ownChain() {
			return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
		}

	}

}
