package org.shutong.gateway.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.security.Caller;
import org.shutong.platform.web.ProblemResponseWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller token buckets (Bucket4j): past the budget a request is answered 429 with
 * {@code Retry-After} and never reaches a service.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final Cache<String, Bucket> buckets;

	private final Bandwidth bandwidth;

	private final ProblemResponseWriter problems;

	RateLimitFilter(RateLimitProperties properties, ProblemResponseWriter problems) {
		this.bandwidth = Bandwidth.builder()
			.capacity(properties.capacity())
			.refillGreedy(properties.capacity(), properties.period())
			.build();
		// A caller idle for a whole period has a full bucket again: nothing to remember.
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(properties.period().plus(Duration.ofSeconds(1)))
			.maximumSize(100_000)
			.build();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(callerKey(request),
				(key) -> Bucket.builder().addLimit(this.bandwidth).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
		this.problems.write(request, response, PlatformProblem.TOO_MANY_REQUESTS,
				"Too many requests from this client. Retry after " + waitSeconds + " s.");
	}

	private static String callerKey(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String clientId = token.getToken().getClaimAsString(Caller.CLIENT_ID_CLAIM);
			return "token:" + ((clientId != null) ? clientId : "") + ':' + token.getName();
		}
		return "address:" + request.getRemoteAddr();
	}

}
