package org.shutong.certificate.key;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.verification.CertificateVerifier;
import org.shutong.certificate.verification.VerificationStatus;
import org.shutong.platform.audit.AuditEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerKeyTests extends CertificateTest {

	@Autowired
	private IssuerKeyStore keys;

	@Autowired
	private CertificateVerifier verifier;

	@Test
	void publishesTheIssuersKeysAsJwksWithoutAToken() {
		CertificateType type = personType(department(), null);
		String certificate = issue(type, request(type, idNumber()));

		MvcTestResult result = get("/api/certificates/issuers/" + type.issuerDepartmentCode() + "/keys", null);

		assertThat(result).hasStatusOk();
		List<Map<String, Object>> published = read(result, "$.keys");
		assertThat(published).singleElement().satisfies((jwk) -> {
			assertThat(jwk).containsEntry("kty", "EC")
				.containsEntry("crv", "SM2")
				.containsEntry("kid", read(certificate, "$.signature.keyId"))
				.containsEntry("status", "CURRENT")
				.containsKeys("x", "y", "notBefore");
			assertThat((String) jwk.get("x")).matches("[A-Za-z0-9_-]{43}");
			assertThat(jwk.get("retiredAt")).isNull();
		});
	}

	@Test
	void rotationKeepsTheOldKeyForVerifyingAndSignsWithTheNewOne() {
		String issuer = department();
		CertificateType type = personType(issuer, null);
		String before = issue(type, request(type, idNumber()));
		this.clock.advance(Duration.ofSeconds(5));

		MvcTestResult rotated = post("/api/certificates/issuers/" + issuer + "/keys/rotation", issuerSystem(issuer),
				Map.of("algorithm", "SM2"));

		assertThat(rotated).hasStatus(HttpStatus.CREATED);
		String newKey = read(rotated, "$.kid");
		assertThat(newKey).isNotEqualTo(read(before, "$.signature.keyId"));
		MvcTestResult published = get("/api/certificates/issuers/" + issuer + "/keys", null);
		assertThat((List<String>) read(published, "$.keys[*].status")).containsExactly("RETIRED", "CURRENT");
		assertThat((String) read(post("/api/verify", null, before), "$.status")).isEqualTo("VALID");
		String after = issue(type, request(type, idNumber()));
		assertThat((String) read(after, "$.signature.keyId")).isEqualTo(newKey);
		assertThat(auditEvents(newKey)).extracting(AuditEvent::action).containsExactly("certificate.key.rotate");
	}

	@Test
	void aRetiredKeyDoesNotVouchForWhatItSignsAfterRetirement() {
		String issuer = department();
		SigningKey old = this.keys.current(issuer, KeyAlgorithm.SM2);
		PublishedKey oldKey = this.keys.find(old.keyId()).orElseThrow();
		this.clock.advance(Duration.ofSeconds(5));
		this.keys.rotate(issuer, KeyAlgorithm.SM2);
		this.clock.advance(Duration.ofSeconds(5));
		byte[] data = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
		byte[] signature = old.sign(data);

		assertThat(this.verifier.check(data, "SM2-SM3", old.keyId(), signature, issuer, oldKey.notBefore()))
			.isEqualTo(VerificationStatus.VALID);
		assertThat(this.verifier.check(data, "SM2-SM3", old.keyId(), signature, issuer, this.clock.instant()))
			.isEqualTo(VerificationStatus.UNKNOWN_KEY);
	}

	@Test
	void verificationKeepsAKeyForAWhileAndThenSeesItsRetirement() {
		String issuer = department();
		SigningKey old = this.keys.current(issuer, KeyAlgorithm.SM2);
		byte[] data = "{\"id\":\"y\"}".getBytes(StandardCharsets.UTF_8);
		byte[] signature = old.sign(data);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.verifier.check(data, "SM2-SM3", old.keyId(), signature, issuer, this.clock.instant()))
			.isEqualTo(VerificationStatus.VALID);

		// Retired by another instance: this one's kept copy says nothing of it yet.
		this.keys.rotate(issuer, KeyAlgorithm.SM2);
		this.clock.advance(CertificateVerifier.KEPT.plusSeconds(1));

		assertThat(this.verifier.check(data, "SM2-SM3", old.keyId(), signature, issuer, this.clock.instant()))
			.isEqualTo(VerificationStatus.UNKNOWN_KEY);
	}

	@Test
	void anotherDepartmentCannotRotateTheKeys() {
		String issuer = department();
		MvcTestResult result = post("/api/certificates/issuers/" + issuer + "/keys/rotation",
				issuerSystem(department()), Map.of());
		assertProblem(result, HttpStatus.FORBIDDEN, "NOT_ISSUER");
		assertProblem(post("/api/certificates/issuers/" + issuer + "/keys/rotation", null, Map.of()),
				HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
		assertProblem(post("/api/certificates/issuers/" + issuer + "/keys/rotation", system(issuer, "certificate.read"),
				Map.of()), HttpStatus.FORBIDDEN, "FORBIDDEN");
	}

	@Test
	void anAdministratorRotatesAnyDepartmentsKeysAndMayAddAP256Key() {
		String issuer = department();
		MvcTestResult result = post("/api/certificates/issuers/" + issuer + "/keys/rotation", admin(),
				Map.of("algorithm", "P-256"));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat((String) read(result, "$.crv")).isEqualTo("P-256");
		assertInvalid(
				post("/api/certificates/issuers/" + issuer + "/keys/rotation", admin(), Map.of("algorithm", "RSA")),
				"algorithm");
	}

}
