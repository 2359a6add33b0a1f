package org.shutong.platform.security;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.util.StringUtils;

/**
 * The checks every service makes on a gateway token beyond its signature: expiry and
 * not-before, exact issuer, this service in the audience, a subject, and a JWT type.
 */
public final class ServiceTokenValidator {

	private ServiceTokenValidator() {
	}

	public static OAuth2TokenValidator<Jwt> of(PlatformSecurityProperties properties) {
		String audience = properties.audience();
		if (!StringUtils.hasText(audience)) {
			throw new InvalidConfigurationPropertyValueException("shutong.security.audience", audience,
					"Every service must name the audience (aud) its tokens are issued for.");
		}
		JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		types.setAllowEmpty(true);
		return JwtValidators.createDefaultWithValidators(types, new JwtIssuerValidator(properties.issuer()),
				new JwtAudienceValidator(audience),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, StringUtils::hasText));
	}

}
