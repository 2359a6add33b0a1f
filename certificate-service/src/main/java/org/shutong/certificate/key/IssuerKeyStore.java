package org.shutong.certificate.key;

import java.util.List;
import java.util.Optional;

/**
 * Where issuers' keys live. The default keeps them in the database, sealed under a master
 * key ({@link DatabaseIssuerKeyStore}); a hardware security module (PKCS#11) can take its
 * place as another bean of this type.
 */
public interface IssuerKeyStore {

	/** The department's current key of this algorithm, made now if it has none. */
	SigningKey current(String departmentCode, KeyAlgorithm algorithm);

	/** Retires the current key of this algorithm and makes a new one. */
	PublishedKey rotate(String departmentCode, KeyAlgorithm algorithm);

	Optional<PublishedKey> find(String keyId);

	/** Every key of the department, current and retired, oldest first. */
	List<PublishedKey> published(String departmentCode);

}
