package org.shutong.catalog.exchange.provider;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.shutong.platform.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The addresses no provider endpoint may resolve to, whatever the allowlist says, and
 * loopback only where the demo and tests allow it.
 */
class AddressPolicyTests {

	private final AddressPolicy strict = new AddressPolicy(false);

	private final AddressPolicy local = new AddressPolicy(true);

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "169.254.169.254, link-local", "169.254.10.1, link-local", "fe80::1, link-local",
			"0.0.0.0, unspecified", "::, unspecified", "224.0.0.1, multicast", "ff02::1, multicast",
			"100.100.100.200, cloud metadata", "fd00:ec2::254, cloud metadata" })
	void refusesTheseAddressesEvenWhereLoopbackIsAllowed(String address, String kind) throws Exception {
		InetAddress resolved = InetAddress.getByName(address);
		assertThat(this.local.refusal(resolved)).isEqualTo(kind);
		assertThat(this.strict.refusal(resolved)).isEqualTo(kind);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.8.8", "::1", "::ffff:127.0.0.1" })
	void refusesLoopbackUnlessAllowed(String address) throws Exception {
		InetAddress resolved = InetAddress.getByName(address);
		assertThat(this.strict.refusal(resolved)).isEqualTo("loopback");
		assertThat(this.local.refusal(resolved)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.20.30.40", "172.16.0.9", "192.168.1.10", "59.202.1.1", "2400:3200::1" })
	void allowsGovernmentNetworkAndPublicAddresses(String address) throws Exception {
		assertThat(this.strict.refusal(InetAddress.getByName(address))).isNull();
	}

	@Test
	void checksEveryAddressAHostResolvesTo() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.strict.check("localhost"))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("PROVIDER_NOT_ALLOWED"))
			.withMessageContaining("loopback");
		this.local.check("localhost");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> this.local.check("no-such-host.invalid"))
			.satisfies((ex) -> assertThat(ex.code().name()).isEqualTo("PROVIDER_ERROR"));
	}

}
