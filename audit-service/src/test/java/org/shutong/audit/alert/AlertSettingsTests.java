package org.shutong.audit.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert settings as {@code application.yaml} gives them, and the values they refuse
 * at startup.
 */
class AlertSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withPropertyValues("shutong.data-dir=target/test-data")
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheDefaults() {
		this.runner.run((context) -> {
			AlertSettings settings = context.getBean(AlertSettings.class);
			assertThat(settings.enabled()).isTrue();
			assertThat(settings.scanInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(settings.accessActions()).containsExactlyInAnyOrder("exchange.query", "certificate.fetch",
					"certificate.read");
			assertThat(settings.volume().factor()).isEqualTo(3.0);
			assertThat(settings.volume().floor()).isEqualTo(50);
			assertThat(settings.volume().baselineDays()).isEqualTo(7);
			assertThat(settings.bulkRead().rows()).isEqualTo(100);
			assertThat(settings.bulkRead().distinctPersons()).isEqualTo(50);
			assertThat(settings.bulkRead().window()).isEqualTo(Duration.ofMinutes(10));
			AlertSettings.WorkingHours hours = settings.workingHours();
			assertThat(hours.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
			assertThat(hours.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
					DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
			assertThat(hours.start()).isEqualTo(LocalTime.of(8, 30));
			assertThat(hours.end()).isEqualTo(LocalTime.of(18, 0));
			assertThat(hours.holidays()).isEmpty();
			assertThat(hours.makeUpDays()).isEmpty();
		});
	}

	@Test
	void bindsHolidaysAndMakeUpDaysAsIsoDates() {
		this.runner
			.withPropertyValues("shutong.audit.alerts.working-hours.holidays=2026-10-01,2026-10-02",
					"shutong.audit.alerts.working-hours.make-up-days=2026-09-27")
			.run((context) -> {
				AlertSettings.WorkingHours hours = context.getBean(AlertSettings.class).workingHours();
				assertThat(hours.holidays()).containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2));
				assertThat(hours.makeUpDays()).containsExactly(LocalDate.of(2026, 9, 27));
			});
	}

	/** A refusal names the setting (as its field, or by the value refused). */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "working-hours.end=08:00|workingHours.endAfterStart",
					"working-hours.zone=Mars/Olympus|Mars/Olympus", "working-hours.days=|workingHours.days",
					"working-hours.holidays=2026-13-01|2026-13-01", "volume.factor=0.5|volume.factor",
					"volume.floor=0|volume.floor", "bulk-read.window=2h|bulkRead.window",
					"bulk-read.distinct-persons=1|bulkRead.distinctPersons",
					"access-actions=Exchange Query|accessActions", "scan-interval=0s|scanInterval" })
	void refusesABadValueAtStartup(String setting, String named) {
		this.runner.withPropertyValues("shutong.audit.alerts." + setting)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("prefix=shutong.audit.alerts")
				.rootCause()
				.hasMessageContaining(named));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AlertSettings.class)
	static class Settings {

	}

}
