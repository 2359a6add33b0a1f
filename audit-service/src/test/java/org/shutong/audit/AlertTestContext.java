package org.shutong.audit;

import org.shutong.platform.testing.GatewayStandIn;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the alert tests, on the shared in-memory H2 database, with
 * the background scan off: the tests run the detector themselves.
 */
@SpringBootTest(properties = "shutong.audit.alerts.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class AlertTestContext {

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		GatewayStandIn.shared().register(registry);
	}

}
