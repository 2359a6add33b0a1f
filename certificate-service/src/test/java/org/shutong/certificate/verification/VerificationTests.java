package org.shutong.certificate.verification;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.type.CertificateType;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationTests extends CertificateTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void anyoneVerifiesAGenuineCertificateWithoutAToken() {
		String issuer = department();
		CertificateType type = personType(issuer, null);
		String certificate = issue(type, request(type, idNumber()));
		double before = count("VALID");

		MvcTestResult result = post("/api/verify", null, certificate);

		assertThat(result).hasStatusOk();
		assertThat((Boolean) read(result, "$.valid")).isTrue();
		assertThat((String) read(result, "$.status")).isEqualTo("VALID");
		assertThat((String) read(result, "$.certificateId")).isEqualTo(read(certificate, "$.id"));
		assertThat((String) read(result, "$.typeCode")).isEqualTo(type.code());
		assertThat((String) read(result, "$.issuerDepartmentCode")).isEqualTo(issuer);
		assertThat((String) read(result, "$.holderNameMasked")).isEqualTo("张*");
		assertThat((String) read(result, "$.checkedAt")).isNotBlank();
		assertThat(count("VALID")).isEqualTo(before + 1);
	}

	@Test
	void aChangedFieldIsABadSignature() {
		CertificateType type = personType(department(), null);
		ObjectNode certificate = certificate(type, request(type, idNumber()));
		((ObjectNode) certificate.path("fields")).put("address", "杭州市上城区");
		assertStatus(certificate, "BAD_SIGNATURE");
	}

	@Test
	void aChangedHolderNameOrStatusOrSignatureIsCaught() {
		CertificateType type = personType(department(), null);
		ObjectNode certificate = certificate(type, request(type, idNumber()));
		ObjectNode renamed = certificate.deepCopy();
		((ObjectNode) renamed.path("holder")).put("name", "李四");
		assertStatus(renamed, "BAD_SIGNATURE");
		ObjectNode resigned = certificate.deepCopy();
		((ObjectNode) resigned.path("signature")).put("value", "MEUCIQ" + "A".repeat(60) + "==");
		assertStatus(resigned, "BAD_SIGNATURE");
		// status is not signed: claiming VALID changes nothing, the stored status
		// decides.
		ObjectNode claimed = certificate.deepCopy();
		claimed.put("status", "SOMETHING");
		assertStatus(claimed, "VALID");
	}

	@Test
	void aKeyThatIsNotTheIssuersIsUnknown() {
		CertificateType type = personType(department(), null);
		ObjectNode certificate = certificate(type, request(type, idNumber()));
		ObjectNode unknown = certificate.deepCopy();
		((ObjectNode) unknown.path("signature")).put("keyId", "no-such-key");
		assertStatus(unknown, "UNKNOWN_KEY");
		// Another department's real key does not vouch for this issuer.
		CertificateType other = personType(department(), null);
		String otherKey = certificate(other, request(other, idNumber())).path("signature").path("keyId").stringValue();
		ObjectNode foreign = certificate.deepCopy();
		((ObjectNode) foreign.path("signature")).put("keyId", otherKey);
		assertStatus(foreign, "UNKNOWN_KEY");
	}

	@Test
	void aCertificateDatedBeforeItsKeyExistedIsUnknownKey() {
		CertificateType type = personType(department(), null);
		ObjectNode certificate = certificate(type, request(type, idNumber()));
		// Claims an issue time when the key was not yet signing (and breaks the
		// signature).
		certificate.put("issuedAt", this.clock.instant().minus(Duration.ofDays(30)).toString());
		assertStatus(certificate, "UNKNOWN_KEY");
	}

	@Test
	void saysExpiredAndNotYetValidByTheClock() {
		CertificateType type = personType(department(), null);
		Map<String, Object> future = request(type, idNumber());
		future.put("validFrom", this.clock.instant().plus(1, ChronoUnit.DAYS).toString());
		ObjectNode notYet = certificate(type, future);
		Map<String, Object> shortLived = request(type, idNumber());
		shortLived.put("validUntil", this.clock.instant().plus(2, ChronoUnit.DAYS).toString());
		ObjectNode expiring = certificate(type, shortLived);

		assertStatus(notYet, "NOT_YET_VALID");
		assertStatus(expiring, "VALID");
		this.clock.advance(Duration.ofDays(3));
		assertStatus(notYet, "VALID");
		assertStatus(expiring, "EXPIRED");
		assertThat((String) read(get("/api/verify/" + expiring.path("id").stringValue(), null), "$.status"))
			.isEqualTo("EXPIRED");
	}

	@Test
	void statusByIdNeedsNoTokenAndShowsNoHolder() {
		CertificateType type = personType(department(), null);
		String id = certificate(type, request(type, idNumber())).path("id").stringValue();
		MvcTestResult result = get("/api/verify/" + id, null);
		assertThat(result).hasStatusOk();
		assertThat((String) read(result, "$.status")).isEqualTo("VALID");
		assertThat((Object) read(result, "$.holderNameMasked")).isNull();
		assertProblem(get("/api/verify/1.2.156.3005.2.nothing", null), HttpStatus.NOT_FOUND, "NOT_FOUND");
	}

	@Test
	void refusesABodyWithoutASignature() {
		MvcTestResult result = post("/api/verify", null, Map.of("id", "x"));
		assertInvalid(result, "issuerDepartmentCode", "issuedAt", "signature.alg", "signature.keyId",
				"signature.value");
	}

	private ObjectNode certificate(CertificateType type, Map<String, Object> request) {
		return (ObjectNode) this.json.readTree(issue(type, request));
	}

	private void assertStatus(ObjectNode certificate, String status) {
		MvcTestResult result = post("/api/verify", null, certificate.toString());
		assertThat(result).hasStatusOk();
		assertThat((String) read(result, "$.status")).isEqualTo(status);
		assertThat((Boolean) read(result, "$.valid")).isEqualTo("VALID".equals(status));
	}

	private double count(String status) {
		var counter = this.meters.find("shutong.certificate.verifications").tag("status", status).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
