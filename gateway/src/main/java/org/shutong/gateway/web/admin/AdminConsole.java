package org.shutong.gateway.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin console's start: what an administrator looks after. */
@Controller
class AdminConsole {

	@GetMapping("/console/admin")
	String start() {
		return "admin/start";
	}

}
