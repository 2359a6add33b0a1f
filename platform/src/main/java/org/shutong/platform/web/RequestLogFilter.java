package org.shutong.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs one line per request at INFO: method, path, status and duration, under the trace
 * and request ids of the log pattern, so that a request can be found in every service it
 * passed through. The query string is left out, as it may carry personal data. Health
 * probes are not logged. Turn it off with
 * {@code logging.level.org.shutong.platform.web.RequestLogFilter=WARN}.
 */
public class RequestLogFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestLogFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			logger.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !logger.isInfoEnabled() || request.getRequestURI().startsWith("/actuator/health");
	}

}
