package org.shutong.certificate;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.shutong.certificate.type.CertificateType;
import org.shutong.certificate.type.CertificateTypeRepository;
import org.shutong.certificate.type.FieldType;
import org.shutong.certificate.type.HolderKind;
import org.shutong.certificate.type.SurfaceField;
import org.shutong.platform.testing.AuditOutboxContract;
import org.shutong.platform.testing.ServiceStartupContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts, migrates and maps its tables, on whichever database the subclass
 * picks.
 */
abstract class CertificatePersistenceContract extends ServiceStartupContract implements AuditOutboxContract {

	@Autowired
	private CertificateTypeRepository types;

	@Test
	void storesAndReadsBackATypeWithItsSurfaceFields() {
		// A type code is the defining authority's credit code plus a 3-digit sequence.
		String code = "11100000000013338W032";
		SurfaceField holder = new SurfaceField("holderName", "持证人", FieldType.TEXT, true, true);
		SurfaceField date = new SurfaceField("registeredOn", "登记日期", FieldType.DATE, false, true);
		this.types.save(new CertificateType(code, "结婚证", "11100000000013338W", HolderKind.PERSON, null,
				List.of(holder, date), Instant.now()));

		CertificateType stored = this.types.findById(code).orElseThrow();
		assertThat(stored.name()).isEqualTo("结婚证");
		assertThat(stored.holderKind()).isEqualTo(HolderKind.PERSON);
		assertThat(stored.fields()).containsExactly(holder, date);
	}

}
