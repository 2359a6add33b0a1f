package org.shutong.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks the bearer tokens the gateway issues. The defaults live in
 * {@code shutong-platform-defaults.yaml}; each service sets its own {@code audience}.
 *
 * @param issuer the gateway's issuer URL; a token's {@code iss} must equal it
 * @param jwkSetUri where the gateway publishes its signing keys, fetched on first use
 * @param audience the name this service has in a token's {@code aud} claim
 * @param jwsAlgorithms the only signature algorithms accepted
 * @param publicPaths path patterns anyone may call without a token (e.g. what lets an
 * outside party verify something); empty by default
 */
@ConfigurationProperties("shutong.security")
@Validated
public record PlatformSecurityProperties(@NotBlank String issuer, @NotBlank String jwkSetUri, @Nullable String audience,
		@NotEmpty Set<SignatureAlgorithm> jwsAlgorithms, @Nullable List<String> publicPaths) {

	public List<String> publicPaths() {
		return (this.publicPaths != null) ? this.publicPaths : List.of();
	}

}
