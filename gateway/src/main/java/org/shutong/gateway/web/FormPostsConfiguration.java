package org.shutong.gateway.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the proxy's {@link FormFilter} to the proxied APIs. It re-encodes a form post's
 * parameters as the body for forwarding and then hides them from {@code getParameter}, so
 * on the gateway's own pages every form field but the CSRF token (read before it) would
 * arrive missing.
 */
@Configuration(proxyBeanMethods = false)
class FormPostsConfiguration {

	@Bean
	FilterRegistrationBean<FormFilter> formFilterForProxiedApisOnly(FormFilter formFilter) {
		FilterRegistrationBean<FormFilter> registration = new FilterRegistrationBean<>(formFilter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(formFilter.getOrder());
		return registration;
	}

}
