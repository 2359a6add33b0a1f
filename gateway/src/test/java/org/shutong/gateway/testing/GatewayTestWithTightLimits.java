package org.shutong.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gateway with limits small enough to reach in a test: 3 API requests per caller a
 * minute, a new signing key that signs at once, a login lock of 4 seconds. It has its own
 * in-memory database, without demo identities, so its key rotations never touch the other
 * context's keys. Every class with it shares one application context.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=jdbc:h2:mem:gateway-tight-limits;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
						+ "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"shutong.demo.enabled=false",
				"shutong.gateway.rate-limit.capacity=" + GatewayTestWithTightLimits.RATE_LIMIT,
				"shutong.gateway.rate-limit.period=PT1M", "shutong.gateway.signing-keys.publish-lead=PT0S",
				"shutong.gateway.login.lock=PT" + GatewayTestWithTightLimits.LOGIN_LOCK_SECONDS + "S" })
@ActiveProfiles("test")
public @interface GatewayTestWithTightLimits {

	/** API requests per caller a minute. */
	int RATE_LIMIT = 3;

	/** How long five wrong passwords lock an account. */
	int LOGIN_LOCK_SECONDS = 4;

}
