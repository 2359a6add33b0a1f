package org.shutong.gateway.signingkey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How token signing keys are kept and rotated.
 *
 * @param masterKey base64 AES-256 key that seals the private keys in the database; on the
 * embedded default a key generated under the data directory
 * @param publishLead how long a new key is published before it signs
 * @param refresh how often an instance re-reads the keys, to see another's rotation
 * @param tokenLifetime the longest lifetime of a token signed by a key
 * @param clockSkew the clock difference tolerated by verifiers
 */
@ConfigurationProperties("shutong.gateway.signing-keys")
public record SigningKeyProperties(String masterKey, Duration publishLead, Duration refresh, Duration tokenLifetime,
		Duration clockSkew) {

}
