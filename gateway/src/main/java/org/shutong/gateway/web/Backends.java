package org.shutong.gateway.web;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The services behind the gateway as the pages call them: on behalf of the signed-in
 * person, with the access token from their session (refreshed when it has expired), or,
 * for what is public, with none.
 */
@Component
public class Backends {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final RestClient catalog;

	private final RestClient certificates;

	private final RestClient audit;

	private final RestClient publicCertificates;

	Backends(OAuth2AuthorizedClientManager authorizedClients, @Value("${shutong.services.catalog}") String catalog,
			@Value("${shutong.services.certificate}") String certificate,
			@Value("${shutong.services.audit}") String audit) {
		OAuth2ClientHttpRequestInterceptor asPerson = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
		asPerson.setClientRegistrationIdResolver((request) -> PortalSignIn.REGISTRATION_ID);
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
		requests.setReadTimeout(TIMEOUT);
		this.catalog = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(catalog)
			.requestInterceptor(asPerson)
			.build();
		this.certificates = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(certificate)
			.requestInterceptor(asPerson)
			.build();
		this.audit = RestClient.builder().requestFactory(requests).baseUrl(audit).requestInterceptor(asPerson).build();
		this.publicCertificates = RestClient.builder().requestFactory(requests).baseUrl(certificate).build();
	}

	/** catalog-service (catalogue, sharing, exchange), as the signed-in person. */
	public RestClient catalog() {
		return this.catalog;
	}

	/** certificate-service, as the signed-in person. */
	public RestClient certificates() {
		return this.certificates;
	}

	/** audit-service, as the signed-in person. */
	public RestClient audit() {
		return this.audit;
	}

	/** certificate-service's public verification, without a token. */
	public RestClient verification() {
		return this.publicCertificates;
	}

}
