package org.shutong.gateway.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

	@GetMapping("/denied")
	String denied(HttpServletResponse response, Model model) {
		return PageAdvice.problemPage(new ServiceProblem(403, null, null, null, List.of()), response, model);
	}

}
