package org.shutong.audit.alert;

import java.time.Clock;

import org.shutong.audit.log.AuditLog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
@EnableScheduling
class AlertConfiguration {

	@Bean
	AlertStore alertStore(JdbcTemplate jdbc) {
		return new AlertStore(jdbc);
	}

	@Bean
	FlowRiskDetector flowRiskDetector(JdbcTemplate jdbc, PlatformTransactionManager transactions,
			AlertSettings settings, Clock clock) {
		return new FlowRiskDetector(new DetectorTables(jdbc), new TransactionTemplate(transactions), settings, clock);
	}

	@Bean
	Acknowledgements acknowledgements(AlertStore alerts, PlatformTransactionManager transactions, AuditLog log,
			Clock clock) {
		return new Acknowledgements(alerts, new TransactionTemplate(transactions), log::append, clock);
	}

	@Bean
	SchedulingConfigurer flowRiskScan(FlowRiskDetector detector, AlertSettings settings) {
		return (registrar) -> {
			if (settings.enabled()) {
				registrar.addFixedDelayTask(new FixedDelayTask(detector::scanInBackground, settings.scanInterval(),
						settings.scanInterval()));
			}
		};
	}

}
