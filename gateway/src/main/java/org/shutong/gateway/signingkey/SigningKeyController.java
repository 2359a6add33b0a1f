package org.shutong.gateway.signingkey;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.api.AdminOnly;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists the token signing keys and rotates them: {@code POST /api/admin/signing-keys}
 * publishes a new key now and signs with it after the publish lead.
 */
@RestController
@RequestMapping("/api/admin/signing-keys")
@AdminOnly
class SigningKeyController {

	private final SigningKeyRing keys;

	SigningKeyController(SigningKeyRing keys) {
		this.keys = keys;
	}

	@GetMapping
	List<KeyView> list() {
		String active = this.keys.activeKeyId();
		return this.keys.published().stream().map((key) -> KeyView.of(key, active)).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	KeyView rotate() {
		SigningKey next = this.keys.rotate();
		return KeyView.of(next, this.keys.activeKeyId());
	}

	record KeyView(String keyId, String algorithm, Instant createdAt, Instant activatesAt, @Nullable Instant retiresAt,
			boolean signing) {

		static KeyView of(SigningKey key, String activeKeyId) {
			return new KeyView(key.keyId(), key.jwk().getAlgorithm().getName(), key.createdAt(), key.activatesAt(),
					key.retiresAt(), key.keyId().equals(activeKeyId));
		}

	}

}
