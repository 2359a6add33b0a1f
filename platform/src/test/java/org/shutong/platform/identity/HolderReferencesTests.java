package org.shutong.platform.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolderReferencesTests {

	private static final ResidentIdNumber CITIZEN = new ResidentIdNumber("11010519491231002X");

	@Test
	void theSameHolderHasTheSameReferenceUnderTheSameKey() {
		byte[] key = new byte[32];
		assertThat(new HolderReferences(key).of(CITIZEN)).isEqualTo(new HolderReferences(key.clone()).of(CITIZEN))
			.hasSize(64)
			.doesNotContain(CITIZEN.value());
	}

	@Test
	void anotherKeyGivesAnotherReference() {
		byte[] otherKey = new byte[32];
		otherKey[31] = 1;
		assertThat(new HolderReferences(new byte[32]).of(CITIZEN))
			.isNotEqualTo(new HolderReferences(otherKey).of(CITIZEN));
	}

	@Test
	void isHmacSha256OfTheNumber() {
		// Computed independently with OpenSSL:
		// printf 11010519491231002X | openssl dgst -sha256 -mac HMAC -macopt
		// hexkey:00..00
		assertThat(new HolderReferences(new byte[32]).of(CITIZEN)).isEqualTo(EXPECTED);
	}

	private static final String EXPECTED = "51252b5b149fa5e29dae30a60a411d3675cf25f2b7e5d1ad65797b86094b63b7";

}
