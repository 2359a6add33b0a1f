package org.shutong.certificate.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.issuance.CertificateStore;
import org.shutong.certificate.issuance.StoredCertificate;
import org.shutong.platform.identity.CreditCode;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCertificatesTests extends CertificateTest {

	@Autowired
	private HolderReferences holderReferences;

	@Autowired
	private CertificateStore store;

	@Test
	void theDemoCitizenHoldsAnIdCardAndAMarriageCertificateAndHerEnterpriseABusinessLicence() {
		List<StoredCertificate> citizens = this.store
			.findByHolder(this.holderReferences.of(new ResidentIdNumber(DemoCertificates.CITIZEN_ID_NUMBER)));
		assertThat(citizens).extracting(StoredCertificate::typeCode)
			.containsExactlyInAnyOrder(DemoCertificates.ID_CARD, DemoCertificates.MARRIAGE);
		List<StoredCertificate> enterprise = this.store
			.findByHolder(this.holderReferences.of(new CreditCode(DemoCertificates.ENTERPRISE_CODE)));
		assertThat(enterprise).singleElement().satisfies((licence) -> {
			assertThat(licence.typeCode()).isEqualTo(DemoCertificates.BUSINESS_LICENCE);
			assertThat(licence.document()).contains("\"legalRepresentative\":\"" + DemoCertificates.CITIZEN_NAME);
		});
	}

	@Test
	void theDemoCertificatesVerify() {
		StoredCertificate idCard = this.store
			.findByHolder(this.holderReferences.of(new ResidentIdNumber(DemoCertificates.CITIZEN_ID_NUMBER)))
			.get(0);
		String json = org.shutong.certificate.issuance.CertificateDocuments.view(idCard, idCard.status()).toString();
		assertThat((String) read(post("/api/verify", null, json), "$.status")).isEqualTo("VALID");
	}

}
