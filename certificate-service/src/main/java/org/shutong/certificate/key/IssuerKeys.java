package org.shutong.certificate.key;

import java.util.List;
import java.util.Map;

import org.shutong.certificate.audit.CertificateAudit;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation of issuer keys, audited; what the key store does for the rest.
 */
@Service
public class IssuerKeys {

	private final IssuerKeyStore store;

	private final CertificateAudit audit;

	IssuerKeys(IssuerKeyStore store, CertificateAudit audit) {
		this.store = store;
		this.audit = audit;
	}

	@Transactional
	public PublishedKey rotate(Caller caller, String departmentCode, KeyAlgorithm algorithm) {
		PublishedKey key = this.store.rotate(departmentCode, algorithm);
		this.audit.other(CertificateAudit.KEY_ROTATE, caller, key.keyId(),
				Map.of("department", departmentCode, "algorithm", algorithm.name(), "keyId", key.keyId()));
		return key;
	}

	public List<PublishedKey> published(String departmentCode) {
		return this.store.published(departmentCode);
	}

}
