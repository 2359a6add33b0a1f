package org.shutong.gateway.api;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routed APIs are proxied with Apache HttpClient's pooled blocking client, not the
 * JDK's, with room for many requests to one service at a time.
 */
@GatewayTest
class ProxyClientTests {

	@Autowired
	private RestClientProxyExchange proxy;

	@Test
	void proxiesWithAPooledHttpClient() {
		RestClient client = (RestClient) ReflectionTestUtils.getField(this.proxy, "restClient");
		Object factory = ReflectionTestUtils.getField(client, "clientRequestFactory");
		assertThat(factory).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
		CloseableHttpClient http = (CloseableHttpClient) ((HttpComponentsClientHttpRequestFactory) factory)
			.getHttpClient();
		Object pool = ReflectionTestUtils.getField(http, "connManager");
		Integer perService = ReflectionTestUtils.invokeMethod(pool, "getDefaultMaxPerRoute");
		assertThat(perService).isEqualTo(ProxyClientConfiguration.CONNECTIONS_PER_SERVICE);
	}

}
