package org.shutong.platform.audit;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.shutong.platform.keys.ServiceClientSecret;
import org.shutong.platform.security.PlatformSecurityProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.jdbc.JdbcRepositorySettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactional audit outbox, in every service that has a database and Spring
 * Modulith's JDBC event publication registry ({@code spring-modulith-starter-jdbc}): an
 * {@link AuditPublisher} that stores events with the business change, a batching sender
 * that completes each publication once the audit log has acknowledged it, a scheduled
 * resubmission of what was not, and, unless the service declares its own
 * {@link AuditDelivery}, delivery over HTTP to the audit service. The service's Flyway
 * migrations create the {@code EVENT_PUBLICATION} table.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration" })
@ConditionalOnClass(JdbcRepositorySettings.class)
@ConditionalOnBean({ DataSource.class, EventPublicationRegistry.class })
@EnableConfigurationProperties({ AuditProperties.class, PlatformSecurityProperties.class })
public class AuditOutboxAutoConfiguration {

	/** The Flyway placeholder for the type of {@code EVENT_PUBLICATION.ID}. */
	public static final String ID_TYPE_PLACEHOLDER = "shutong_event_publication_id";

	@Bean
	@ConditionalOnMissingBean
	AuditPublisher auditPublisher(ApplicationEventPublisher events, EventPublicationRegistry registry,
			ObjectProvider<Validator> validator) {
		return new OutboxAuditPublisher(events, registry,
				validator.getIfUnique(() -> Validation.buildDefaultValidatorFactory().getValidator()));
	}

	/**
	 * Modulith's publication repository, with the audit publications of a transaction
	 * written as one batch when it commits.
	 */
	@Bean
	static BeanPostProcessor batchedAuditPublications(ObjectProvider<JdbcOperations> jdbc,
			ObjectProvider<EventSerializer> serializer, ObjectProvider<DataSource> dataSource) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof EventPublicationRepository repository
						&& !(bean instanceof BatchedPublicationRepository)) {
					return new BatchedPublicationRepository(repository, jdbc.getObject(), serializer.getObject(),
							EventPublicationIdType.uuidColumn(dataSource.getObject()));
				}
				return bean;
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	AuditDelivery httpAuditDelivery(AuditProperties audit, PlatformSecurityProperties security,
			@Value("${spring.application.name}") String clientId, @Value("${shutong.data-dir}") Path dataDir,
			@Value("${shutong.keys.generate-missing}") boolean generate, ObjectProvider<JsonMapper> json) {
		String secret = ServiceClientSecret.wire("shutong.audit.client-secret", clientId, audit.clientSecret(), dataDir,
				generate);
		return new HttpAuditDelivery(audit.url(), security.issuer() + "/oauth2/token", clientId, secret,
				audit.connectTimeout(), audit.readTimeout(), json.getIfAvailable(() -> JsonMapper.builder().build()));
	}

	/**
	 * The sender completes a delivered batch's publications in one transaction: one
	 * commit per batch instead of one per event.
	 */
	@Bean
	BatchingAuditSender batchingAuditSender(AuditDelivery delivery, AuditProperties audit,
			ObjectProvider<PlatformTransactionManager> transactions) {
		PlatformTransactionManager manager = transactions.getIfUnique();
		Consumer<Runnable> settlement = (manager != null)
				? (work) -> new TransactionTemplate(manager).executeWithoutResult((status) -> work.run())
				: Runnable::run;
		return new BatchingAuditSender(delivery, audit.batchSize(), audit.linger(), audit.queueCapacity(), settlement);
	}

	@Bean
	AuditOutboxListener auditOutboxListener(BatchingAuditSender sender,
			ObjectProvider<EventPublicationRegistry> registry) {
		return new AuditOutboxListener(sender, registry);
	}

	@Bean
	UnacknowledgedPublications unacknowledgedAuditPublications(JdbcOperations jdbc,
			PlatformTransactionManager transactions, EventSerializer serializer, DataSource dataSource) {
		return new UnacknowledgedPublications(jdbc, new TransactionTemplate(transactions), serializer,
				EventPublicationIdType.uuidColumn(dataSource));
	}

	@Bean
	AuditResubmission auditResubmission(UnacknowledgedPublications unacknowledged,
			EventPublicationRepository publications, BatchingAuditSender sender, ObjectProvider<Clock> clock,
			AuditProperties audit) {
		return new AuditResubmission(unacknowledged, publications, sender, clock.getIfAvailable(Clock::systemUTC),
				audit.resubmitInterval(), audit.resubmitOlderThan(), audit.batchSize());
	}

	/**
	 * Spring Modulith reads {@code EVENT_PUBLICATION.ID} as a UUID on H2 and as a string
	 * on MySQL and MariaDB, so the one migration of each service names the column's type
	 * by the placeholder {@value #ID_TYPE_PLACEHOLDER}, set here from the actual
	 * database.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ FlywayConfigurationCustomizer.class })
	static class EventPublicationIdType {

		@Bean
		FlywayConfigurationCustomizer eventPublicationIdType() {
			return (configuration) -> {
				Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
				placeholders.put(ID_TYPE_PLACEHOLDER, idType(configuration.getDataSource()));
				configuration.placeholders(placeholders);
			};
		}

		static boolean uuidColumn(DataSource dataSource) {
			return "UUID".equals(idType(dataSource));
		}

		static String idType(DataSource dataSource) {
			String product;
			try {
				product = JdbcUtils.commonDatabaseName(
						JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException("Cannot tell which database the audit outbox is in", ex);
			}
			return switch (String.valueOf(product)) {
				case "H2", "HSQL Database Engine", "PostgreSQL" -> "UUID";
				default -> "VARCHAR(36)";
			};
		}

	}

}
