package org.shutong.audit.retention;

import java.time.Clock;
import java.time.Duration;

import org.shutong.audit.checkpoint.CheckpointKey;
import org.shutong.audit.checkpoint.CheckpointStore;
import org.shutong.audit.log.AuditLog;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
@EnableScheduling
class RetentionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RetentionConfiguration.class);

	@Bean
	ArchiveVerifier archiveVerifier(JdbcTemplate jdbc, JdbcTreeNodes nodes, CheckpointKey key,
			RetentionSettings settings) {
		return new ArchiveVerifier(new ArchiveTables(jdbc), nodes, key, settings.archiveDirectory());
	}

	@Bean
	EventArchiver eventArchiver(JdbcTemplate jdbc, CheckpointStore checkpoints, CheckpointKey key,
			PlatformTransactionManager transactions, RetentionSettings settings, AuditLog log, Clock clock) {
		return new EventArchiver(new ArchiveTables(jdbc), checkpoints, key, new TransactionTemplate(transactions),
				settings, new RetentionEvents(log::append, clock), clock);
	}

	@Bean
	ArchivePurger archivePurger(JdbcTemplate jdbc, ArchiveVerifier verifier, PlatformTransactionManager transactions,
			RetentionSettings settings, AuditLog log, Clock clock) {
		return new ArchivePurger(new ArchiveTables(jdbc), verifier, new TransactionTemplate(transactions), settings,
				new RetentionEvents(log::append, clock), clock);
	}

	@Bean
	SchedulingConfigurer eventArchiving(EventArchiver archiver, RetentionSettings settings) {
		return (registrar) -> {
			if (settings.archiveEnabled() && !settings.purgeArchived()) {
				registrar.addFixedDelayTask(new FixedDelayTask(archiver::archiveInBackground,
						settings.archiveInterval(), Duration.ofMinutes(1)));
			}
		};
	}

	/**
	 * The operator's purge command
	 * ({@code --shutong.audit.retention.purge-archived=true}, run with the schema owner's
	 * credentials): purges, then stops the application. A failure stops it too, with the
	 * reason, before anything unverified is deleted.
	 */
	@Bean
	@ConditionalOnBooleanProperty("shutong.audit.retention.purge-archived")
	ApplicationRunner purgeArchivedEvents(ArchivePurger purger, ConfigurableApplicationContext context) {
		return (arguments) -> {
			long deleted = purger.purge().stream().mapToLong(ArchivePurger.Purged::deleted).sum();
			logger.info("Purge of archived audit events done: {} rows deleted; stopping", deleted);
			System.exit(SpringApplication.exit(context, () -> 0));
		};
	}

}
