package org.shutong.platform.web;

import org.shutong.platform.problem.DataConflictHandler;
import org.shutong.platform.problem.ProblemHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Problem handling, request ids, request logs and body size limits for every servlet
 * service.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebProperties.class)
@Import({ ProblemHandler.class, ProblemErrorController.class })
public class PlatformWebAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DataIntegrityViolationException.class)
	@Import(DataConflictHandler.class)
	static class DataConflicts {

	}

	@Bean
	ProblemResponseWriter problemResponseWriter() {
		return new ProblemResponseWriter(JsonMapper.builder().build());
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Inside the observation filter (HIGHEST_PRECEDENCE + 1), so that the trace id is
	 * still in the MDC when the line is written, and outside the size limit, so that a
	 * body refused for its size is logged too.
	 */
	@Bean
	FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
		FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(PlatformWebProperties properties,
			ProblemResponseWriter problems) {
		RequestSizeLimitFilter filter = new RequestSizeLimitFilter(properties.maxRequestSize().toBytes(), problems);
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

}
