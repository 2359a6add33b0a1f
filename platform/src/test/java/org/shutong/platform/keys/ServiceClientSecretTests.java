package org.shutong.platform.keys;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The gateway, which registers a service's client, and the service, which authenticates
 * with it, find the same secret.
 */
class ServiceClientSecretTests {

	@TempDir
	Path dataDir;

	@Test
	void aConfiguredSecretGoesOnTheWireAsUnpaddedBase64Url() {
		byte[] key = new byte[32];
		key[0] = (byte) 0xfb;
		key[31] = (byte) 0xff;
		String wire = ServiceClientSecret.wire("p", "catalog-service", Base64.getEncoder().encodeToString(key),
				this.dataDir, false);
		assertThat(wire).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(key))
			.doesNotContain("=", "+", "/");
		assertThat(this.dataDir.resolve("keys")).doesNotExist();
	}

	@Test
	void aGeneratedSecretIsSharedThroughTheDataDirectory() {
		String gateway = ServiceClientSecret.wire("shutong.gateway.service-clients.gateway.secret", "gateway", "",
				this.dataDir, true);
		String service = ServiceClientSecret.wire("shutong.audit.client-secret", "gateway", null, this.dataDir, true);
		assertThat(service).isEqualTo(gateway).hasSize(43);
		assertThat(this.dataDir.resolve("keys/gateway.client-secret")).exists();
		assertThat(ServiceClientSecret.wire("p", "catalog-service", "", this.dataDir, true)).isNotEqualTo(gateway);
	}

	@Test
	void withoutOneWhereNoneMayBeGeneratedTheStartFailsNamingTheProperty() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServiceClientSecret.wire("shutong.audit.client-secret", "catalog-service", "",
					this.dataDir, false))
			.withMessageContaining("shutong.audit.client-secret is not set");
	}

}
