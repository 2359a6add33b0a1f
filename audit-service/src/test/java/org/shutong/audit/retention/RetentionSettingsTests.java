package org.shutong.audit.retention;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("shutong.data-dir=target/test-data")
		.withUserConfiguration(Settings.class);

	@Test
	void keepsEventsAYearByDefault() {
		this.runner.run((context) -> {
			RetentionSettings settings = context.getBean(RetentionSettings.class);
			assertThat(settings.archiveAfter()).isEqualTo(Duration.ofDays(365));
			assertThat(settings.directory()).isEqualTo("target/test-data/audit/archive");
			assertThat(settings.purgeArchived()).isFalse();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "179d", "30d", "4319h", "0s" })
	void refusesToStartWithLessThan180Days(String archiveAfter) {
		this.runner.withPropertyValues("shutong.audit.retention.archive-after=" + archiveAfter)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("prefix=shutong.audit.retention")
				.rootCause()
				.hasMessageContaining("archiveAfter")
				.hasMessageContaining("must be at least 180 days: audit events are network logs"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "180d", "4320h", "PT4320H1S", "365d" })
	void startsWith180DaysOrMore(String archiveAfter) {
		this.runner.withPropertyValues("shutong.audit.retention.archive-after=" + archiveAfter)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RetentionSettings.class)
	static class Settings {

	}

}
