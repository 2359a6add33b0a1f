package org.shutong.platform.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;
import org.shutong.platform.security.Scopes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Delivers audit events to the audit service: {@code POST /api/audit/events} with a JSON
 * array, under a bearer token with scope {@code audit.write} that the service gets from
 * the gateway by {@code client_credentials} ({@code client_secret_basic}) and keeps until
 * it is about to expire or is refused. The audit service answers 200 once it has
 * committed the events; 400 and 413 are the service's own bugs
 * ({@link AuditEventsRejectedException}); anything else, or no answer, is an outage.
 */
final class HttpAuditDelivery implements AuditDelivery {

	static final String EVENTS_PATH = "/api/audit/events";

	private static final String REGISTRATION_ID = "shutong-audit";

	/**
	 * The problem's {@code errors[].field} names the event by its position:
	 * {@code [2].actor…}.
	 */
	private static final Pattern POSITION = Pattern.compile("^\\[(\\d+)]");

	private static final int MAX_PROBLEM_LENGTH = 2000;

	private final RestClient client;

	private final JsonMapper json;

	/**
	 * @param url the audit service's base URL
	 * @param tokenUri the gateway's token endpoint
	 * @param clientId this service's client id, its {@code spring.application.name}
	 * @param clientSecret its client secret as sent on the wire
	 */
	HttpAuditDelivery(URI url, String tokenUri, String clientId, String clientSecret, Duration connectTimeout,
			Duration readTimeout, JsonMapper json) {
		this.json = json;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build());
		requests.setReadTimeout(readTimeout);
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(clientId)
			.clientSecret(clientSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(Scopes.AUDIT_WRITE)
			.tokenUri(tokenUri)
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
		RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
		tokenEndpoint.setRestClient(RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build());
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, tokens);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.clientCredentials((credentials) -> credentials.accessTokenResponseClient(tokenEndpoint))
			.build());
		Authentication service = UsernamePasswordAuthenticationToken.authenticated(clientId, null, List.of());
		OAuth2ClientHttpRequestInterceptor bearer = new OAuth2ClientHttpRequestInterceptor(manager);
		bearer.setClientRegistrationIdResolver((request) -> REGISTRATION_ID);
		bearer.setPrincipalResolver((request) -> service);
		// A token the audit service refuses is dropped, and the next delivery gets a new
		// one.
		bearer.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
		this.client = RestClient.builder()
			.baseUrl(url.toString())
			.requestFactory(requests)
			.requestInterceptor(bearer)
			.configureMessageConverters(
					(converters) -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
			.build();
	}

	@Override
	public void deliver(List<AuditEvent> events) {
		Acknowledgement acknowledgement = this.client.post()
			.uri(EVENTS_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(events)
			.retrieve()
			.onStatus((status) -> status.isSameCodeAs(HttpStatus.BAD_REQUEST)
					|| status.isSameCodeAs(HttpStatus.CONTENT_TOO_LARGE), (request, response) -> {
						throw rejected(response);
					})
			.body(Acknowledgement.class);
		Set<UUID> acknowledged = new HashSet<>();
		if (acknowledgement != null && acknowledgement.results() != null) {
			acknowledgement.results().forEach((result) -> acknowledged.add(result.eventId()));
		}
		List<UUID> missing = events.stream()
			.map(AuditEvent::eventId)
			.filter((id) -> !acknowledged.contains(id))
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("The audit service acknowledged " + (events.size() - missing.size())
					+ " of " + events.size() + " events; not " + missing);
		}
	}

	private AuditEventsRejectedException rejected(ClientHttpResponse response) throws IOException {
		String body = new String(response.getBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
		String problem = response.getStatusCode().value() + " " + abbreviate(body);
		return new AuditEventsRejectedException(problem, positions(body));
	}

	/** The events the problem names, by their position in the batch. */
	private List<Integer> positions(String problem) {
		List<Integer> positions = new ArrayList<>();
		try {
			JsonNode errors = this.json.readTree(problem).path("errors");
			for (JsonNode error : errors) {
				Matcher position = POSITION.matcher(error.path("field").asString(""));
				if (position.find()) {
					positions.add(Integer.valueOf(position.group(1)));
				}
			}
		}
		catch (JacksonException | NumberFormatException ex) {
			// Not a problem body that names fields: the batch is halved instead.
		}
		return positions;
	}

	private static String abbreviate(String text) {
		return (text.length() <= MAX_PROBLEM_LENGTH) ? text : text.substring(0, MAX_PROBLEM_LENGTH) + "…";
	}

	/** What the audit service answers once it has committed the events. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Acknowledgement(@Nullable List<Result> results) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Result(UUID eventId, @Nullable Long leafIndex, boolean duplicate) {
		}

	}

}
