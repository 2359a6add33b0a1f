package org.shutong.gateway.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.Browser;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.IdentityNumbers;
import org.shutong.gateway.testing.Identities;
import org.shutong.platform.security.Roles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's sign-in as a browser sees it: through the authorization server with PKCE,
 * a new session id once signed in, a cookie scripts cannot read, CSRF tokens on every
 * form, and a sign-out that ends the session and the tokens.
 */
@GatewayTest
class PortalSessionTests extends GatewayHttpTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aPageThatNeedsASignInSendsTheBrowserToTheAuthorizationServerWithPkce() {
		Browser browser = browser();

		HttpResponse<String> portal = browser.get("/portal");
		assertThat(portal.statusCode()).isEqualTo(302);
		assertThat(Browser.location(portal).getPath()).isEqualTo(PortalSignIn.START);
		HttpResponse<String> start = browser.get(PortalSignIn.START);
		URI authorize = Browser.location(start);

		assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(authorize.getQuery()).contains("client_id=shutong-portal", "response_type=code",
				"code_challenge_method=S256", "code_challenge=", "nonce=");
		assertThat(browser.get(authorize.toString()).headers().firstValue("Location"))
			.hasValueSatisfying((login) -> assertThat(URI.create(login).getPath()).isEqualTo("/login"));
	}

	@Test
	void signingInGivesANewSessionIdInAnHttpOnlySameSiteCookie() {
		Identities.Person citizen = this.identities.citizen(IdentityNumbers.residentIdNumber());
		Browser browser = browser();
		HttpResponse<String> start = browser.get(PortalSignIn.START);
		String before = browser.cookie(SessionCookie.NAME);
		assertThat(before).isNotNull();
		assertThat(start.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(SessionCookie.NAME + "=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
		browser.follow(start);

		HttpResponse<String> home = signIn(browser, citizen, "/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(citizen.username());
		assertThat(browser.cookie(SessionCookie.NAME)).isNotNull().isNotEqualTo(before);
	}

	@Test
	void aFormSentWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
		Identities.Person citizen = this.identities.citizen(IdentityNumbers.residentIdNumber());
		Browser browser = browser();
		signIn(browser, citizen, "/");

		HttpResponse<String> authorize = browser.postForm("/portal/certificates/some-id/authorizations",
				Map.of("departmentCode", "11330100002482100A", "serviceItemCode", "X", "validUntil", "2030-01-01"));
		HttpResponse<String> signOut = browser.postForm("/logout", Map.of());

		assertThat(authorize.statusCode()).isEqualTo(403);
		assertThat(signOut.statusCode()).isEqualTo(403);
		assertThat(browser.get("/").body()).as("still signed in").contains(citizen.username());
		assertThat(authorizations(citizen)).isEqualTo(1);
	}

	@Test
	void signingOutEndsTheSessionAndRevokesTheTokens() {
		Identities.Person citizen = this.identities.citizen(IdentityNumbers.residentIdNumber());
		Browser browser = browser();
		HttpResponse<String> home = signIn(browser, citizen, "/");
		assertThat(authorizations(citizen)).isEqualTo(1);

		HttpResponse<String> signOut = browser.postForm("/logout", Map.of("_csrf", Browser.csrfToken(home)));

		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(Browser.location(signOut).toString()).endsWith("/?signedOut");
		assertThat(authorizations(citizen)).isZero();
		HttpResponse<String> portal = browser.get("/portal");
		assertThat(Browser.location(portal).getPath()).isEqualTo(PortalSignIn.START);
		HttpResponse<String> again = browser.follow(browser.get(PortalSignIn.START));
		assertThat(again.uri().getPath()).as("the sign-in form again, not a silent sign-in").isEqualTo("/login");
	}

	@Test
	void aPersonWithoutTheRoleOfAConsoleGetsThePlainRefusalPage() {
		Identities.Person auditor = this.identities.auditor();
		Browser browser = browser();
		signIn(browser, auditor, "/");

		for (String path : List.of("/portal", "/console/operator", "/console/admin")) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("无权访问").doesNotContain("Exception");
		}
	}

	@Test
	void theNavigationShowsWhatThePersonsRolesOpen() {
		Identities.Person operatorAndAuditor = this.identities.person(Set.of(Roles.DEPT_OPERATOR, Roles.AUDITOR),
				this.identities.department(), null);
		Browser browser = browser();

		HttpResponse<String> home = signIn(browser, operatorAndAuditor, "/");

		assertThat(home.body()).contains("href=\"/console/operator\"", "href=\"/console/audit\"")
			.doesNotContain("href=\"/console/admin\"", "href=\"/portal\"");
	}

	@Test
	void pagesSpeakChineseUntilEnglishIsChosenAndRememberTheChoice() {
		Browser browser = browser();

		assertThat(browser.get("/").body()).contains("lang=\"zh-CN\"", "证照核验");
		assertThat(browser.get("/?lang=en").body()).contains("lang=\"en\"", "Verify a certificate");
		assertThat(browser.get("/verification").body()).contains("Verify an e-certificate");
	}

	@Test
	void pagesForbidScriptsAndFraming() {
		HttpResponse<String> home = browser().get("/");

		assertThat(home.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'none'", "frame-ancestors 'none'"));
		assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	/** Walks from a page that needs a sign-in through the sign-in form back to it. */
	private static HttpResponse<String> signIn(Browser browser, Identities.Person person, String path) {
		HttpResponse<String> form = browser.follow(browser.get(PortalSignIn.START));
		assertThat(form.uri().getPath()).isEqualTo("/login");
		HttpResponse<String> signedIn = browser.follow(browser.signIn(person.username(), person.password()));
		assertThat(signedIn.uri().getPath()).isEqualTo(path);
		return signedIn;
	}

	private int authorizations(Identities.Person person) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ? AND registered_client_id = "
						+ "(SELECT id FROM oauth2_registered_client WHERE client_id = 'shutong-portal')",
				Integer.class, person.username());
	}

}
