package org.shutong.certificate.key;

import java.security.KeyPair;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.shutong.certificate.issuance.CanonicalJson;
import org.shutong.certificate.issuance.CertificateDocuments;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The raw signing rates the issuance and verification goals are measured against: the
 * certificate service's own signing code (the {@link SoftwareSigningKey} that
 * {@code DatabaseIssuerKeyStore} opens, and {@link EcCrypto}'s verifier) over the canonical bytes of a
 * typical certificate, built as {@code CertificateDocuments} builds it. In this package
 * because {@code SoftwareSigningKey} and {@code EcCrypto.generate} are package-private.
 *
 * Run by bench/certificate-signing.sh (-t 1 and -t 2 for one and two threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBench {

	@Param({ "SM2", "P256" })
	public String algorithm;

	private SigningKey key;

	private KeyPair pair;

	private ObjectNode certificate;

	private byte[] canonical;

	private byte[] signature;

	private EcCrypto.Verifier verifier;

	@Setup
	public void setUp() {
		KeyAlgorithm alg = KeyAlgorithm.valueOf(this.algorithm);
		this.pair = EcCrypto.generate(alg);
		String keyId = "11330100002482100a-" + alg.name().toLowerCase() + "-3f9a0c51d2e7";
		this.key = new SoftwareSigningKey(keyId, alg, this.pair.getPrivate());
		this.verifier = EcCrypto.verifier(alg, this.pair.getPublic());
		this.certificate = typicalCertificate();
		this.canonical = CanonicalJson.bytes(CanonicalJson.signedDocument(this.certificate, alg.signatureName(), keyId));
		this.signature = this.key.sign(this.canonical);
		if (!this.verifier.verify(this.canonical, this.signature)) {
			throw new IllegalStateException("the benchmark's own signature does not verify");
		}
		System.out.printf("%n# canonical document: %d bytes%n", this.canonical.length);
	}

	/** Signs the canonical bytes: what each certificate of a batch costs in signing alone. */
	@Benchmark
	public byte[] sign() {
		return this.key.sign(this.canonical);
	}

	/**
	 * Verifies the signature over the canonical bytes with a verifier of the public key, as
	 * the service keeps one per issuer key.
	 */
	@Benchmark
	public boolean verify() {
		return this.verifier.verify(this.canonical, this.signature);
	}

	/** Builds the canonical bytes from the certificate (RFC 8785), as signing and verification both do. */
	@Benchmark
	public byte[] canonicalize() {
		return CanonicalJson.bytes(CanonicalJson.signedDocument(this.certificate, this.key.algorithm().signatureName(),
				this.key.keyId()));
	}

	/** The demo ID card's shape: four surface fields, a masked ID number and its SM3 digest. */
	static ObjectNode typicalCertificate() {
		JsonMapper json = JsonMapper.builder().build();
		String id = "1.2.156.3005.2.11330100002482100A101.11330100002482100A.00012AB.001.K";
		ObjectNode certificate = json.createObjectNode();
		certificate.put("id", id);
		certificate.put("typeCode", "11330100002482100A101");
		certificate.put("issuerDepartmentCode", "11330100002482100A");
		ObjectNode holder = certificate.putObject("holder");
		holder.put("kind", "PERSON");
		holder.put("name", "林晓雯");
		holder.put("idNumberMasked", "330106********0027");
		holder.put("idNumberDigest", CertificateDocuments.idNumberDigest(id, "330106199203150027"));
		ObjectNode fields = certificate.putObject("fields");
		fields.put("name", "林晓雯");
		fields.put("sex", "女");
		fields.put("birthDate", "1992-03-15");
		fields.put("address", "浙江省杭州市西湖区文三路 100 号");
		certificate.put("issuedAt", "2026-12-03T10:00:00Z");
		certificate.put("validFrom", "2022-03-14T16:00:00Z");
		certificate.put("validUntil", "2042-03-14T16:00:00Z");
		return certificate;
	}

}
