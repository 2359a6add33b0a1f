package org.shutong.certificate.issuance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.CertificateTest;
import org.shutong.certificate.identifier.SerialCounter;
import org.shutong.certificate.key.IssuerKeyStore;
import org.shutong.certificate.key.KeyAlgorithm;
import org.shutong.certificate.key.PublishedKey;
import org.shutong.certificate.key.SigningKey;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import org.shutong.platform.testing.MysqlTestSchemaConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The certificate tables on MariaDB/MySQL (the V3 migration, the serial counter under
 * concurrency, the JDBC batch insert, issuer keys made once under a race), on the scratch
 * schema rebuilt for the run. Each test works under department codes of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "mysql", "mysql-test" })
@Import(MysqlTestSchemaConfiguration.class)
class IssuanceRepositoryMysqlTests {

	@Autowired
	private SerialCounter serials;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private CertificateTypeRepository types;

	@Autowired
	private IssueRequests requests;

	@Autowired
	private Issuance issuance;

	@Autowired
	private CertificateStore store;

	@Autowired
	private IssuerKeyStore keys;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void concurrentIssuersGetDistinctConsecutiveSerials() throws Exception {
		String issuer = CertificateTest.department();
		String typeCode = issuer + "001";
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Long>> firsts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				firsts.add(threads.submit((Callable<Long>) () -> this.transactions
					.execute((status) -> this.serials.reserve(typeCode, issuer, 5))));
			}
			Set<Long> serials = new HashSet<>();
			for (Future<Long> first : firsts) {
				long start = first.get();
				LongStream.range(start, start + 5).forEach((serial) -> assertThat(serials.add(serial)).isTrue());
			}
			assertThat(serials).hasSize(200).allMatch((serial) -> serial >= 1 && serial <= 200);
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void aRolledBackIssuanceGivesItsSerialsBack() {
		String issuer = CertificateTest.department();
		String typeCode = issuer + "001";
		this.transactions.executeWithoutResult((status) -> {
			this.serials.reserve(typeCode, issuer, 3);
			status.setRollbackOnly();
		});
		Long next = this.transactions.execute((status) -> this.serials.reserve(typeCode, issuer, 1));
		assertThat(next).isEqualTo(1L);
	}

	@Test
	void storesABatchAndReadsItBackByIdAndHolder() {
		CertificateType type = type(CertificateTest.department());
		List<IssueDraft> drafts = new ArrayList<>();
		String idNumber = CertificateTest.idNumber();
		for (int i = 0; i < 50; i++) {
			drafts.add(draft(type, (i == 7) ? idNumber : CertificateTest.idNumber()));
		}
		List<StoredCertificate> issued = this.transactions.execute((status) -> this.issuance.issue(null, drafts));

		StoredCertificate seventh = this.store.find(issued.get(7).id()).orElseThrow();
		assertThat(seventh.document()).isEqualTo(issued.get(7).document()).contains("浙江省杭州市西湖区");
		assertThat(seventh.signature()).isEqualTo(issued.get(7).signature());
		assertThat(seventh.status()).isEqualTo(CertificateStatus.VALID);
		assertThat(this.store.findByHolder(seventh.holderReference())).extracting(StoredCertificate::id)
			.containsExactly(seventh.id());
		this.transactions
			.executeWithoutResult((status) -> this.store.updateStatus(seventh.id(), CertificateStatus.REVOKED));
		assertThat(this.store.find(seventh.id()).orElseThrow().status()).isEqualTo(CertificateStatus.REVOKED);
	}

	@Test
	void racingFirstUsesMakeOneKeyPerDepartmentAndAlgorithm() throws Exception {
		String issuer = CertificateTest.department();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<SigningKey>> keys = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				keys.add(threads.submit(() -> this.keys.current(issuer, KeyAlgorithm.SM2)));
			}
			Set<String> ids = new HashSet<>();
			for (Future<SigningKey> key : keys) {
				ids.add(key.get().keyId());
			}
			assertThat(ids).hasSize(1);
			assertThat(this.keys.published(issuer)).extracting(PublishedKey::keyId).containsExactlyElementsOf(ids);
		}
		finally {
			threads.shutdown();
		}
	}

	private CertificateType type(String issuer) {
		return this.types.saveAndFlush(new CertificateType(issuer + "001", "居住证", issuer, HolderKind.PERSON, 5,
				List.of(new SurfaceField("address", "居住地址", FieldType.TEXT, true, true)), Instant.now()));
	}

	private IssueDraft draft(CertificateType type, String idNumber) {
		var request = this.json.createObjectNode();
		request.put("typeCode", type.code());
		request.putObject("holder").put("kind", "PERSON").put("idNumber", idNumber).put("name", "王五");
		request.putObject("fields").put("address", "浙江省杭州市西湖区");
		request.put("validFrom", "2026-01-01T00:00:00+08:00");
		return this.requests.check(request, type).draft();
	}

}
