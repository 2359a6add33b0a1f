package org.shutong.certificate.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.certificate.audit.CertificateProblem;
import org.shutong.certificate.issuance.CertificateStatus;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.certificate.type.HolderKind;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use authorisations (用证授权): the holder gives one department leave to use one of their
 * certificates for one service item until a time, sees them all and withdraws them. Each
 * change is audited in its transaction.
 */
@Service
public class UseAuthorizations {

	/** How far ahead a holder may authorise a use. */
	public static final Duration LONGEST = Duration.ofDays(366);

	private final UseAuthorizationStore store;

	private final CertificateStore certificates;

	private final CertificateAudit audit;

	private final Clock clock;

	UseAuthorizations(UseAuthorizationStore store, CertificateStore certificates, CertificateAudit audit, Clock clock) {
		this.store = store;
		this.certificates = certificates;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param request checked for its form already; its {@code validUntil} must lie ahead,
	 * at most {@link #LONGEST}
	 */
	@Transactional
	public UseAuthorization authorize(Caller caller, String certificateId, UseRequest request) {
		String holder = HolderCheck.holder(caller);
		StoredCertificate certificate = this.certificates.lock(certificateId)
			.filter((found) -> found.holderReference().equals(holder))
			.orElseThrow(() -> notFound(certificateId));
		CertificateStatus status = certificate.statusAt(this.clock);
		if (status == CertificateStatus.REVOKED || status == CertificateStatus.EXPIRED) {
			throw new ProblemException(CertificateProblem.CERTIFICATE_NOT_USABLE,
					"A " + status + " certificate cannot be authorised for use");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		UseAuthorization authorization = new UseAuthorization(UUID.randomUUID().toString(), certificateId, holder,
				request.departmentCode(), request.serviceItemCode(),
				request.validUntil().truncatedTo(ChronoUnit.SECONDS), now, null);
		this.store.insert(authorization);
		this.audit.certificate(CertificateAudit.AUTHORIZE, caller, certificateId,
				certificate.holderKind() == HolderKind.ENTITY, holder,
				Map.of("authorizationId", authorization.id(), "typeCode", certificate.typeCode(), "departmentCode",
						authorization.departmentCode(), "serviceItemCode", authorization.serviceItemCode(),
						"validUntil", authorization.validUntil().toString()));
		return authorization;
	}

	@Transactional
	public UseAuthorization withdraw(Caller caller, String id) {
		String holder = HolderCheck.holder(caller);
		UseAuthorization authorization = this.store.lock(id)
			.filter((found) -> found.holderReference().equals(holder))
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No use authorisation " + id));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		if (authorization.statusAt(now) != UseAuthorization.Status.ACTIVE || !this.store.withdraw(id, now)) {
			throw new ProblemException(CertificateProblem.AUTHORIZATION_ENDED,
					"The use authorisation is " + authorization.statusAt(now) + " already");
		}
		StoredCertificate certificate = this.certificates.find(authorization.certificateId()).orElseThrow();
		this.audit.certificate(CertificateAudit.WITHDRAW, caller, authorization.certificateId(),
				certificate.holderKind() == HolderKind.ENTITY, holder,
				Map.of("authorizationId", id, "typeCode", certificate.typeCode(), "departmentCode",
						authorization.departmentCode(), "serviceItemCode", authorization.serviceItemCode()));
		return new UseAuthorization(authorization.id(), authorization.certificateId(), holder,
				authorization.departmentCode(), authorization.serviceItemCode(), authorization.validUntil(),
				authorization.createdAt(), now);
	}

	public List<UseAuthorization> mine(Caller caller) {
		return this.store.findByHolder(HolderCheck.holder(caller));
	}

	/**
	 * The live authorisation that lets this department use the certificate for this item.
	 */
	public Optional<UseAuthorization> live(String certificateId, String departmentCode, String serviceItemCode) {
		Instant now = this.clock.instant();
		return this.store.findByUse(certificateId, departmentCode, serviceItemCode)
			.stream()
			.filter((authorization) -> authorization.covers(departmentCode, serviceItemCode, now))
			.findFirst();
	}

	static ProblemException notFound(String certificateId) {
		return new ProblemException(PlatformProblem.NOT_FOUND, "No certificate " + certificateId);
	}

}
