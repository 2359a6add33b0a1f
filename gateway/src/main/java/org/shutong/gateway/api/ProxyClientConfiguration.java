package org.shutong.gateway.api;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway proxies the routed APIs with (and its pages call the
 * services with): Apache HttpClient's blocking client on the request's own virtual
 * thread, with pooled keep-alive connections. The JDK client Gateway MVC otherwise takes
 * hands each exchange to threads of its own, which cost more CPU than the proxying; and
 * HttpClient's default pool of five connections a service would queue the gateway's
 * requests behind each other.
 */
@Configuration(proxyBeanMethods = false)
class ProxyClientConfiguration {

	/**
	 * Connections kept to each service: more than the requests one gateway has in flight.
	 */
	static final int CONNECTIONS_PER_SERVICE = 256;

	@Bean
	HttpComponentsClientHttpRequestFactoryBuilder clientHttpRequestFactoryBuilder() {
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.withConnectionManagerCustomizer((pool) -> pool.setMaxConnPerRoute(CONNECTIONS_PER_SERVICE)
				.setMaxConnTotal(4 * CONNECTIONS_PER_SERVICE));
	}

}
