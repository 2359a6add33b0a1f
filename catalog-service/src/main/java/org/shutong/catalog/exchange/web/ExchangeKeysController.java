package org.shutong.catalog.exchange.web;

import java.util.Map;

import org.shutong.catalog.exchange.provider.ProviderRequestSigner;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The broker's public key set, which providers verify its signed requests with; public,
 * like any JWKS.
 */
@RestController
class ExchangeKeysController {

	private final ProviderRequestSigner signer;

	ExchangeKeysController(ProviderRequestSigner signer) {
		this.signer = signer;
	}

	@GetMapping(path = "/api/exchange/keys", produces = "application/jwk-set+json")
	Map<String, Object> keys() {
		return this.signer.publicKeys().toJSONObject();
	}

}
