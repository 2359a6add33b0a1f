package org.shutong.gateway.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The front page, the sign-in form and the refusal page.
 */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}

	@GetMapping("/login")
	String signIn() {
		return "login";
	}

	@RequestMapping("/denied")
	String denied(HttpServletResponse response, Model model) {
		// Forwarded here for any method: a refused POST (e.g. without its CSRF token)
		// too.
		return PageAdvice.problemPage(new ServiceProblem(403, null, null, null, List.of()), response, model);
	}

}
