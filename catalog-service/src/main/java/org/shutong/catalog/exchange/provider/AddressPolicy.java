package org.shutong.catalog.exchange.provider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.shutong.catalog.exchange.ExchangeProblem;
import org.shutong.platform.problem.ProblemException;

/**
 * Which addresses a provider endpoint may resolve to. Even an allowed host is refused
 * when it resolves to a link-local, unspecified or multicast address or a cloud's
 * metadata service, and to this machine unless loopback is explicitly allowed: a
 * catalogue entry must never make the platform reach inside itself or its cloud.
 */
final class AddressPolicy {

	/**
	 * Metadata services that are not link-local: Alibaba Cloud's, and AWS's over IPv6.
	 */
	private static final Set<String> METADATA = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

	private final boolean allowLoopback;

	AddressPolicy(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/** Resolves {@code host} and refuses it if any of its addresses is refused. */
	void check(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new ProblemException(ExchangeProblem.PROVIDER_ERROR,
					"The provider's host " + host + " cannot be resolved.");
		}
		for (InetAddress address : addresses) {
			String refusal = refusal(address);
			if (refusal != null) {
				throw new ProblemException(ExchangeProblem.PROVIDER_NOT_ALLOWED, "The provider's host " + host
						+ " resolves to a " + refusal + " address, which the platform never calls.");
			}
		}
	}

	@Nullable String refusal(InetAddress address) {
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		if (METADATA.contains(address.getHostAddress())) {
			return "cloud metadata";
		}
		if (address.isLoopbackAddress() && !this.allowLoopback) {
			return "loopback";
		}
		return null;
	}

}
