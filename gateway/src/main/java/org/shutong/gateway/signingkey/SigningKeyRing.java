package org.shutong.gateway.signingkey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.shutong.gateway.audit.AdminAudit;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The gateway's token signing keys (ES256), kept in the database so that a restart or a
 * second instance signs and verifies with the same keys. JWKS lists every published key;
 * tokens are signed with the newest active one. A rotation publishes the new key at once
 * and signs with it only after {@code publishLead}, so that every instance and every
 * service has fetched it first; the old key stays published until the tokens it signed
 * have expired.
 */
public class SigningKeyRing implements JWKSource<SecurityContext> {

	private final SigningKeyStore store;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final SigningKeyProperties properties;

	private final AdminAudit audit;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);

	SigningKeyRing(SigningKeyStore store, TransactionOperations transactions, Clock clock,
			SigningKeyProperties properties, AdminAudit audit) {
		this.store = store;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(published().stream().map(SigningKey::jwk).toList()));
	}

	/**
	 * The id of the key to sign with now.
	 */
	public String activeKeyId() {
		Instant now = this.clock.instant();
		return published().stream()
			.filter((key) -> key.isActiveAt(now))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no active token signing key"))
			.keyId();
	}

	public List<SigningKey> published() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current.loadedAt().plus(this.properties.refresh()).isBefore(now)) {
			current = reload(now);
		}
		return current.keys();
	}

	/**
	 * Makes the first key when there is none (a new installation).
	 */
	void ensureOne() {
		if (reload(this.clock.instant()).keys().isEmpty()) {
			Instant now = this.clock.instant();
			this.store.add(new SigningKey(generate(), now, now, null));
			reload(now);
		}
	}

	/**
	 * Publishes a new key now, signs with it after the publish lead, and retires the
	 * others once the tokens they signed can no longer be valid.
	 */
	public SigningKey rotate() {
		Instant now = this.clock.instant();
		SigningKey next = new SigningKey(generate(), now, now.plus(this.properties.publishLead()), null);
		Duration lastTokenLifetime = this.properties.tokenLifetime().plus(this.properties.clockSkew());
		this.transactions.executeWithoutResult((status) -> {
			this.store.add(next);
			this.store.retireAllBut(next.keyId(), next.activatesAt().plus(lastTokenLifetime));
			this.audit.changed(AdminAudit.SIGNING_KEY_ROTATE, "signing-key/" + next.keyId(), null,
					Map.of("algorithm", JWSAlgorithm.ES256.getName(), "activatesAt", next.activatesAt().toString()));
		});
		reload(now);
		return next;
	}

	private Snapshot reload(Instant now) {
		Snapshot fresh = new Snapshot(this.store.publishedAt(now), now);
		this.snapshot = fresh;
		return fresh;
	}

	private static JWK generate() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString())
				.algorithm(JWSAlgorithm.ES256)
				.keyUse(KeyUse.SIGNATURE)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate a P-256 key", ex);
		}
	}

	private record Snapshot(List<SigningKey> keys, Instant loadedAt) {
	}

}
