package org.shutong.gateway.signingkey;

import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import org.jspecify.annotations.Nullable;

/**
 * One token signing key: published in JWKS from its creation until it retires, used for
 * signing from its activation until a newer key activates.
 *
 * @param jwk the key pair (the private part never leaves the gateway)
 * @param createdAt when it was made and published
 * @param activatesAt when the gateway starts signing with it
 * @param retiresAt when it leaves JWKS: after every token it signed has expired
 */
public record SigningKey(JWK jwk, Instant createdAt, Instant activatesAt, @Nullable Instant retiresAt) {

	public String keyId() {
		return this.jwk.getKeyID();
	}

	boolean isPublishedAt(Instant instant) {
		return this.retiresAt == null || this.retiresAt.isAfter(instant);
	}

	boolean isActiveAt(Instant instant) {
		return !this.activatesAt.isAfter(instant) && isPublishedAt(instant);
	}

}
