package org.shutong.gateway.client;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * How a department system proves who it is at the token endpoint.
 */
public enum ClientAuthMethod {

	/** A JWT signed with the system's own private key (RFC 7523); for production. */
	PRIVATE_KEY_JWT(ClientAuthenticationMethod.PRIVATE_KEY_JWT),

	/** A secret made by the platform, sent with HTTP Basic; for local demos. */
	CLIENT_SECRET_BASIC(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);

	private final ClientAuthenticationMethod method;

	ClientAuthMethod(ClientAuthenticationMethod method) {
		this.method = method;
	}

	ClientAuthenticationMethod method() {
		return this.method;
	}

	@JsonValue
	public String value() {
		return this.method.getValue();
	}

}
