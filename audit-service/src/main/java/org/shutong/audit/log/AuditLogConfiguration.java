package org.shutong.audit.log;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SequencerSettings.class)
class AuditLogConfiguration {

	@Bean
	Sequencer sequencer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Checkpointing checkpointing,
			SequencerSettings settings, Clock clock, MeterRegistry meters) {
		LogWriter writer = new LogWriter(jdbc, new TransactionTemplate(transactions), clock);
		return new Sequencer(writer, checkpointing, settings, meters);
	}

	@Bean
	AuditLog auditLog(Sequencer sequencer, JdbcTemplate jdbc, SequencerSettings settings) {
		return new AuditLog(sequencer, new EventRows(jdbc), settings.timeout());
	}

}
