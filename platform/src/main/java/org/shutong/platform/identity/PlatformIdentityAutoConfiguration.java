package org.shutong.platform.identity;

import java.nio.file.Path;

import org.shutong.platform.keys.KeyMaterial;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The shared key behind holder references: {@code shutong.identity.holder-key}, or on the
 * embedded default a key generated once under the data directory.
 */
@AutoConfiguration
public class PlatformIdentityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HolderReferences holderReferences(@Value("${shutong.identity.holder-key:}") String configured,
			@Value("${shutong.data-dir}") Path dataDir, @Value("${shutong.keys.generate-missing}") boolean generate) {
		return new HolderReferences(KeyMaterial.resolve("shutong.identity.holder-key", configured,
				dataDir.resolve("keys/holder.key"), generate, 32));
	}

}
