package org.shutong.certificate.type;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface CertificateTypeRepository extends Repository<CertificateType, String> {

	CertificateType save(CertificateType type);

	/**
	 * Saves and writes at once, for JDBC statements of the same transaction to see it.
	 */
	CertificateType saveAndFlush(CertificateType type);

	Optional<CertificateType> findById(String code);

	List<CertificateType> findAllByOrderByCode();

}
