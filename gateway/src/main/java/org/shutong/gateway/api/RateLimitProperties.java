package org.shutong.gateway.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Each caller's request budget at this gateway instance: {@code capacity} requests at
 * once, refilled at {@code capacity} per {@code period}. A caller is its token's client
 * (or person), or its network address without a token.
 *
 * @param capacity the burst size and the number of requests per period
 * @param period the refill period
 */
@ConfigurationProperties("shutong.gateway.rate-limit")
public record RateLimitProperties(long capacity, Duration period) {

}
