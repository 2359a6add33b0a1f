package org.shutong.catalog.exchange.provider;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;

import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.shutong.catalog.exchange.ExchangeProperties;
import org.shutong.platform.audit.AuditPublisher;
import org.shutong.platform.keys.KeyMaterial;
import org.shutong.platform.keys.P256Keys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

	@Bean
	ProviderAllowlist providerAllowlist(ProviderSystemRepository providers, ExchangeProperties properties,
			AuditPublisher audit, Clock clock) {
		return new ProviderAllowlist(providers, new AddressPolicy(properties.allowLoopback()), audit, clock,
				properties.defaultTimeout(), properties.defaultMaxConcurrentCalls());
	}

	@Bean
	ProviderRequestSigner providerRequestSigner(ExchangeProperties properties,
			@Value("${shutong.data-dir}") Path dataDir, @Value("${shutong.keys.generate-missing}") boolean generate,
			Clock clock) {
		byte[] secret = KeyMaterial.resolve("shutong.exchange.signing-key", properties.signingKey(),
				dataDir.resolve("keys/exchange-signing.key"), generate, 32);
		return new ProviderRequestSigner(P256Keys.fromSecret(secret), properties.issuer(), clock);
	}

	@Bean
	ProviderClient providerClient(ProviderAllowlist allowlist, ProviderRequestSigner signer,
			ExchangeProperties properties, JsonMapper json, MeterRegistry meters) {
		ProviderGuards guards = new ProviderGuards(properties.circuitBreaker(), properties.defaultMaxConcurrentCalls());
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(guards.breakers()).bindTo(meters);
		TaggedBulkheadMetrics.ofBulkheadRegistry(guards.bulkheads()).bindTo(meters);
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.defaultTimeout())
			.build();
		return new ProviderClient(http, allowlist, guards, signer, json, properties.maxResponseSize().toBytes());
	}

}
