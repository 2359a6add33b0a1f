package org.shutong.gateway.signingkey;

import java.nio.file.Path;
import java.time.Clock;

import org.shutong.gateway.audit.AdminAudit;
import org.shutong.platform.keys.KeyMaterial;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningKeyProperties.class)
class SigningKeyConfiguration {

	@Bean
	SigningKeyRing signingKeyRing(JdbcTemplate jdbc, TransactionOperations transactions, Clock clock,
			SigningKeyProperties properties, AdminAudit audit, @Value("${shutong.data-dir}") Path dataDir,
			@Value("${shutong.keys.generate-missing}") boolean generate) {
		byte[] masterKey = KeyMaterial.resolve("shutong.gateway.signing-keys.master-key", properties.masterKey(),
				dataDir.resolve("keys/gateway-master.key"), generate, 32);
		SigningKeyRing ring = new SigningKeyRing(new SigningKeyStore(jdbc, new KeySealer(masterKey)), transactions,
				clock, properties, audit);
		ring.ensureOne();
		return ring;
	}

}
