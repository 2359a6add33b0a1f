package org.shutong.certificate.issuance;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.identifier.CertificateId;
import org.shutong.certificate.identifier.SerialCounter;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.SigningKey;
import org.shutong.certificate.type.HolderKind;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers, signs, stores and audits checked drafts: serials reserved per type in one
 * statement, signatures made on every core, rows written in JDBC batches, all in the
 * caller's transaction. Signing and storing are two steps, so that a batch can sign one
 * chunk while it stores the one before.
 */
@Service
public class Issuance {

	/** Below this many, signing on the calling thread is quicker than handing off. */
	private static final int PARALLEL_FROM = 16;

	private final SerialCounter serials;

	private final IssuerKeyStore keys;

	private final CertificateStore store;

	private final CertificateAudit audit;

	private final Clock clock;

	private final int cores = Runtime.getRuntime().availableProcessors();

	// Signing is CPU work: one platform thread per core, not virtual threads.
	private final ExecutorService signers = Executors.newFixedThreadPool(this.cores);

	Issuance(SerialCounter serials, IssuerKeyStore keys, CertificateStore store, CertificateAudit audit, Clock clock) {
		this.serials = serials;
		this.keys = keys;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues the drafts (all of the caller's department); the result is in their order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<StoredCertificate> issue(@Nullable Caller caller, List<IssueDraft> drafts) {
		return store(caller, sign(drafts));
	}

	/**
	 * Numbers the drafts and has them signed on the signing threads; the caller may go on
	 * (read the next drafts, store the previous ones) until it {@link #store}s these.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CompletableFuture<List<StoredCertificate>> sign(List<IssueDraft> drafts) {
		String[] ids = identifiers(drafts);
		Map<KeyAlgorithm, SigningKey> signing = new LinkedHashMap<>();
		List<SigningKey> keyOfDraft = new ArrayList<>();
		for (IssueDraft draft : drafts) {
			keyOfDraft.add(signing.computeIfAbsent(draft.algorithm(),
					(algorithm) -> this.keys.current(draft.type().issuerDepartmentCode(), algorithm)));
		}
		// Taken once the keys are known: an issuer's first key is made just now, and its
		// notBefore must not come after what it signs.
		Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		StoredCertificate[] signed = new StoredCertificate[drafts.size()];
		if (drafts.size() < PARALLEL_FROM) {
			for (int i = 0; i < drafts.size(); i++) {
				signed[i] = CertificateDocuments.sign(drafts.get(i), ids[i], issuedAt, keyOfDraft.get(i));
			}
			return CompletableFuture.completedFuture(List.of(signed));
		}
		List<CompletableFuture<Void>> slices = new ArrayList<>();
		for (int slice = 0; slice < this.cores; slice++) {
			int first = slice;
			slices.add(CompletableFuture.runAsync(() -> {
				for (int i = first; i < drafts.size(); i += this.cores) {
					signed[i] = CertificateDocuments.sign(drafts.get(i), ids[i], issuedAt, keyOfDraft.get(i));
				}
			}, this.signers));
		}
		return CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new)).thenApply((done) -> List.of(signed));
	}

	/** Waits for the signatures, then stores and audits the certificates. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<StoredCertificate> store(@Nullable Caller caller, CompletableFuture<List<StoredCertificate>> signing) {
		List<StoredCertificate> certificates = signing.join();
		this.store.insert(certificates);
		for (StoredCertificate certificate : certificates) {
			this.audit.certificate(CertificateAudit.ISSUE, caller, certificate.id(),
					certificate.holderKind() == HolderKind.ENTITY, certificate.holderReference(),
					Map.of("typeCode", certificate.typeCode(), "keyId", certificate.keyId()));
		}
		return certificates;
	}

	/** Serials reserved per type in one statement each. */
	private String[] identifiers(List<IssueDraft> drafts) {
		Map<String, List<Integer>> byType = new LinkedHashMap<>();
		for (int i = 0; i < drafts.size(); i++) {
			byType.computeIfAbsent(drafts.get(i).type().code(), (code) -> new ArrayList<>()).add(i);
		}
		String[] ids = new String[drafts.size()];
		byType.forEach((typeCode, indexes) -> {
			String issuer = drafts.get(indexes.get(0)).type().issuerDepartmentCode();
			long serial = this.serials.reserve(typeCode, issuer, indexes.size());
			for (int index : indexes) {
				ids[index] = new CertificateId(typeCode, issuer, CertificateId.serial(serial++), "001").toString();
			}
		});
		return ids;
	}

	@PreDestroy
	void stop() {
		this.signers.shutdown();
	}

}
