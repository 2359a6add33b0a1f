package org.shutong.gateway.client;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Keeps registered clients in memory for a few seconds: every token request looks its
 * client up, and reading and parsing the row each time was a large share of the token
 * endpoint's cost. A change made here is seen at once; a change made by another gateway
 * instance within {@code timeToLive}.
 */
public class CachingRegisteredClientRepository implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;

	private final Cache<String, Optional<RegisteredClient>> byId;

	private final Cache<String, Optional<RegisteredClient>> byClientId;

	public CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration timeToLive) {
		this.delegate = delegate;
		this.byId = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
		this.byClientId = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(10_000).build();
	}

	@Override
	public void save(RegisteredClient client) {
		this.delegate.save(client);
		this.byId.invalidate(client.getId());
		this.byClientId.invalidate(client.getClientId());
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		return this.byId.get(id, (key) -> Optional.ofNullable(this.delegate.findById(key))).orElse(null);
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		return this.byClientId.get(clientId, (key) -> Optional.ofNullable(this.delegate.findByClientId(key)))
			.orElse(null);
	}

}
