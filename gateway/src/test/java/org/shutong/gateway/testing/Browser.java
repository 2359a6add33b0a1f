package org.shutong.gateway.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's browser: keeps the session cookie, asks for HTML, and follows no redirect by
 * itself so that each step can be checked.
 */
public final class Browser {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final GatewayHttp http;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	public Browser(int port) {
		this.http = new GatewayHttp(port,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.followRedirects(HttpClient.Redirect.NEVER)
					.cookieHandler(this.cookies)
					.build());
	}

	/** The value of a cookie the browser holds, or null. */
	public @Nullable String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Follows redirects from this response on, as a browser would, to the first page that
	 * is none.
	 */
	public HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int hops = 0; current.statusCode() == 302 || current.statusCode() == 303; hops++) {
			assertThat(hops).as("redirects from %s", response.uri()).isLessThan(10);
			current = get(current.uri().resolve(location(current)).toString());
		}
		return current;
	}

	/** The CSRF token of the first form on a page. */
	public static String csrfToken(HttpResponse<String> page) {
		Matcher csrf = CSRF_INPUT.matcher(page.body());
		assertThat(csrf.find()).as("a _csrf input in %s", page.body()).isTrue();
		return csrf.group(1);
	}

	public HttpResponse<String> get(String pathOrUrl) {
		return this.http.send(this.http.request(pathOrUrl, null).header("Accept", "text/html").GET().build());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> form) {
		return this.http.send(this.http.request(path, null)
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(GatewayHttp.formBody(form)))
			.build());
	}

	/** The CSRF token of the sign-in form. */
	public String signInFormToken() {
		HttpResponse<String> page = get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF_INPUT.matcher(page.body());
		assertThat(csrf.find()).as("a _csrf input in %s", page.body()).isTrue();
		return csrf.group(1);
	}

	/**
	 * Fills in and sends the sign-in form.
	 * @return the response, a redirect: onwards when signed in, back to the form if not
	 */
	public HttpResponse<String> signIn(String username, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", signInFormToken());
		HttpResponse<String> response = postForm("/login", form);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response;
	}

	public static boolean signedIn(HttpResponse<String> signIn) {
		return !location(signIn).getPath().equals("/login");
	}

	public static URI location(HttpResponse<String> redirect) {
		return URI.create(redirect.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError("no Location in a " + redirect.statusCode())));
	}

}
