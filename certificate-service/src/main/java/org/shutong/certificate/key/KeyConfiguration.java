package org.shutong.certificate.key;

import java.nio.file.Path;
import java.time.Clock;

import org.shutong.platform.keys.KeyMaterial;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

	/**
	 * The database key store, unless another {@link IssuerKeyStore} (e.g. one backed by a
	 * PKCS#11 module) is configured.
	 */
	@Bean
	@ConditionalOnMissingBean(IssuerKeyStore.class)
	IssuerKeyStore databaseIssuerKeyStore(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
			@Value("${shutong.certificate.keys.master-key:}") String masterKey,
			@Value("${shutong.data-dir}") Path dataDir, @Value("${shutong.keys.generate-missing}") boolean generate) {
		byte[] key = KeyMaterial.resolve("shutong.certificate.keys.master-key", masterKey,
				dataDir.resolve("keys/certificate-master.key"), generate, 32);
		return new DatabaseIssuerKeyStore(jdbc, new KeySealer(key), clock, transactions);
	}

}
