package org.shutong.gateway.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Map;

/**
 * Where people sign in (form login with a session and CSRF protection), for the
 * authorization-code flow, the portal and the consoles (the page is the portal's).
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfiguration {

	static final String ARGON2 = "argon2@SpringSecurity_v5_8";

	@Bean
	@Order(4)
	SecurityFilterChain loginSecurityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/error", "/assets/**")
			.permitAll()
			.anyRequest()
			.authenticated()).formLogin((form) -> form.loginPage("/login")).logout(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * People's passwords: Argon2id (memory-hard), with bcrypt hashes still readable.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2,
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

}
