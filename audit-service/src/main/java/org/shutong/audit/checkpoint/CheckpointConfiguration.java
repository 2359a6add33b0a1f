package org.shutong.audit.checkpoint;

import java.nio.file.Path;
import java.time.Clock;

import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.platform.keys.KeyMaterial;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CheckpointConfiguration {

	/**
	 * @param origin the log's name in its checkpoints, a schema-less URL by the C2SP
	 * convention
	 * @param configured base64 of 32 secret bytes ({@code SHUTONG_AUDIT_CHECKPOINT_KEY})
	 */
	@Bean
	CheckpointKey checkpointKey(@Value("${shutong.audit.checkpoint.origin}") String origin,
			@Value("${shutong.audit.checkpoint.key:}") String configured, @Value("${shutong.data-dir}") Path dataDir,
			@Value("${shutong.keys.generate-missing}") boolean generate) {
		return new CheckpointKey(origin, KeyMaterial.resolve("shutong.audit.checkpoint.key", configured,
				dataDir.resolve("keys/audit-checkpoint.key"), generate, 32));
	}

	@Bean
	CheckpointStore checkpointStore(JdbcTemplate jdbc) {
		return new CheckpointStore(jdbc);
	}

	@Bean
	JdbcTreeNodes treeNodes(JdbcTemplate jdbc) {
		return new JdbcTreeNodes(jdbc);
	}

	@Bean
	Checkpointer checkpointer(JdbcTemplate jdbc, JdbcTreeNodes nodes, CheckpointStore checkpoints, CheckpointKey key,
			PlatformTransactionManager transactions, Clock clock) {
		return new Checkpointer(jdbc, nodes, checkpoints, key, new TransactionTemplate(transactions), clock);
	}

}
