package org.shutong.gateway.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page has: the viewer, and plain words instead of a stack trace when a
 * service refuses (403, 404, 429 …), is away (502, 503) or is slow (504).
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
class PageAdvice {

	private static final Logger logger = LoggerFactory.getLogger(PageAdvice.class);

	@ModelAttribute("viewer")
	Viewer viewer(@Nullable Authentication authentication) {
		return Viewer.of(authentication);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler
	String refused(RestClientResponseException refusal, HttpServletResponse response, Model model) {
		if (refusal.getStatusCode().value() == 401) {
			// The session's token is no longer accepted: sign in again.
			return "redirect:" + PortalSignIn.START;
		}
		return problemPage(ServiceProblem.of(refusal), response, model);
	}

	@ExceptionHandler
	String unreachable(ResourceAccessException away, HttpServletResponse response, Model model) {
		logger.warn("A service did not answer a page: {}", away.getMessage());
		return problemPage(new ServiceProblem(503, null, null, null, List.of()), response, model);
	}

	@ExceptionHandler
	String signInEnded(ClientAuthorizationException ended) {
		return "redirect:" + PortalSignIn.START;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	String badRequest(Exception bad, HttpServletResponse response, Model model) {
		return problemPage(new ServiceProblem(400, null, null, bad.getMessage(), List.of()), response, model);
	}

	/**
	 * An exception handler's model is a fresh one, without the attributes above: the page
	 * gets them here.
	 */
	static String problemPage(ServiceProblem problem, HttpServletResponse response, Model model) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		model.addAttribute("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("currentPath", request.getRequestURI());
		response.setStatus(problem.status());
		model.addAttribute("problem", problem);
		return "problem";
	}

}
