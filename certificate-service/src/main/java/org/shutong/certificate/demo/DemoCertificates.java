package org.shutong.certificate.demo;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.shutong.certificate.issuance.Issuance;
import org.shutong.certificate.issuance.IssueRequests;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start of a demo installation: three certificate types of the gateway's
 * demo departments, and the demo citizen's certificates. The business licence belongs to
 * the citizen's enterprise (holder kind ENTITY), with the citizen as legal
 * representative.
 */
@Component
@ConditionalOnBooleanProperty("shutong.demo.enabled")
class DemoCertificates implements ApplicationRunner {

	static final String PUBLIC_SECURITY = "11330100002482100A";

	static final String CIVIL_AFFAIRS = "113301000024825001";

	static final String MARKET_REGULATION = "113301000024828002";

	static final String ID_CARD = PUBLIC_SECURITY + "101";

	static final String MARRIAGE = CIVIL_AFFAIRS + "101";

	static final String BUSINESS_LICENCE = MARKET_REGULATION + "101";

	/** The gateway's demo citizen (same number, so the same holder reference). */
	static final String CITIZEN_ID_NUMBER = "330106199203150027";

	static final String CITIZEN_NAME = "林晓雯";

	static final String SPOUSE_ID_NUMBER = "330102199001010012";

	/** The demo citizen's enterprise (fictitious, with a valid check character). */
	static final String ENTERPRISE_CODE = "91330106MA2B3C4D5D";

	private final CertificateTypeRepository types;

	private final IssueRequests requests;

	private final Issuance issuance;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	DemoCertificates(CertificateTypeRepository types, IssueRequests requests, Issuance issuance, Clock clock) {
		this.types = types;
		this.requests = requests;
		this.issuance = issuance;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.types.findById(ID_CARD).isPresent()) {
			return;
		}
		CertificateType idCard = this.types.saveAndFlush(new CertificateType(
				ID_CARD, "居民身份证电子证照", PUBLIC_SECURITY, HolderKind.PERSON, 20, List.of(text("name", "姓名", false),
						text("sex", "性别", false), date("birthDate", "出生日期"), text("address", "住址", true)),
				this.clock.instant()));
		CertificateType marriage = this.types
			.saveAndFlush(new CertificateType(
					MARRIAGE, "结婚证", CIVIL_AFFAIRS, HolderKind.PERSON, null, List.of(text("spouseName", "配偶姓名", false),
							text("spouseIdNumber", "配偶身份证件号", true), date("registeredOn", "登记日期")),
					this.clock.instant()));
		CertificateType licence = this.types
			.saveAndFlush(new CertificateType(BUSINESS_LICENCE, "营业执照", MARKET_REGULATION, HolderKind.ENTITY, null,
					List.of(text("entityName", "名称", false), text("legalRepresentative", "法定代表人", false),
							text("businessScope", "经营范围", false), date("establishedOn", "成立日期")),
					this.clock.instant()));
		issue(idCard, "PERSON", CITIZEN_ID_NUMBER, CITIZEN_NAME,
				Map.of("name", CITIZEN_NAME, "sex", "女", "birthDate", "1992-03-15", "address", "浙江省杭州市西湖区文三路 100 号"),
				"2022-03-15T00:00:00+08:00");
		issue(marriage, "PERSON", CITIZEN_ID_NUMBER, CITIZEN_NAME,
				Map.of("spouseName", "周建国", "spouseIdNumber", SPOUSE_ID_NUMBER, "registeredOn", "2020-05-20"),
				"2020-05-20T00:00:00+08:00");
		issue(licence, "ENTITY", ENTERPRISE_CODE, "杭州晓雯文化创意有限公司", Map.of("entityName", "杭州晓雯文化创意有限公司",
				"legalRepresentative", CITIZEN_NAME, "businessScope", "文化创意服务", "establishedOn", "2021-08-01"),
				"2021-08-01T00:00:00+08:00");
	}

	private void issue(CertificateType type, String kind, String idNumber, String name, Map<String, String> fields,
			String validFrom) {
		ObjectNode request = this.json.createObjectNode();
		request.put("typeCode", type.code());
		request.putObject("holder").put("kind", kind).put("idNumber", idNumber).put("name", name);
		ObjectNode surface = request.putObject("fields");
		fields.forEach(surface::put);
		request.put("validFrom", validFrom);
		IssueRequests.Checked checked = this.requests.check(request, type);
		if (checked.draft() == null) {
			throw new IllegalStateException("demo certificate not valid: " + checked.errors());
		}
		this.issuance.issue(null, List.of(checked.draft()));
	}

	private static SurfaceField text(String name, String label, boolean sensitive) {
		return new SurfaceField(name, label, FieldType.TEXT, sensitive, true);
	}

	private static SurfaceField date(String name, String label) {
		return new SurfaceField(name, label, FieldType.DATE, false, true);
	}

}
