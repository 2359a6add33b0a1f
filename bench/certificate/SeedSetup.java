import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The seed-scale registry, made as an administrator makes it, through the APIs: signs in as the
 * demo administrator (authorization code with PKCE, the command-line client), registers
 * {@code departments} departments at the gateway (GB 32100 credit codes) with one department
 * system each (certificate.issue), and {@code types} certificate types spread over them at the
 * certificate service (each type's SM2 key is made with it). Writes the issuers file that
 * IssuanceLoad.java reads: client, secret, type code, holder kind, fields.
 *
 * java SeedSetup.java <gateway url> <certificate url> <admin password> <departments> <types> <issuers out>
 */
public class SeedSetup {

	static final HttpClient BROWSER = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static final String[] KINDS = { "证", "许可证", "登记证", "资格证书", "备案证明", "执照" };

	public static void main(String[] args) throws Exception {
		String gateway = args[0], certificates = args[1], password = args[2];
		int departments = Integer.parseInt(args[3]), types = Integer.parseInt(args[4]);
		String admin = signIn(gateway, "admin", password);
		List<String> lines = new ArrayList<>();
		List<String[]> systems = new ArrayList<>();
		for (int d = 0; d < departments; d++) {
			// Party and government bodies (11), Hangzhou (330100), a made-up organisation code.
			String code = withCheck("11330100" + String.format("MB%07d", 3000 + d).substring(0, 9));
			post(admin, gateway + "/api/admin/departments",
					"{\"creditCode\":\"" + code + "\",\"name\":\"杭州市第" + (d + 1) + "委办局\",\"region\":\"杭州市\"}", 201);
			String client = post(admin, gateway + "/api/admin/clients", "{\"clientId\":\"seed-dept-" + (d + 1)
					+ "-system\",\"departmentCode\":\"" + code
					+ "\",\"scopes\":[\"certificate.issue\",\"certificate.read\"],\"authMethod\":\"client_secret_basic\"}",
					201);
			systems.add(new String[] { "seed-dept-" + (d + 1) + "-system", field(client, "clientSecret"), code });
		}
		for (int t = 0; t < types; t++) {
			String[] system = systems.get(t % departments);
			String typeCode = system[2] + (101 + t / departments);
			boolean entity = t % 4 == 3;
			String fields = entity ? "entityName:TEXT,legalRepresentative:TEXT,licenceNumber:TEXT,approvedOn:DATE,capital:NUMBER"
					: "name:TEXT,sex:TEXT,birthDate:DATE,address:TEXT,issuedOn:DATE";
			StringBuilder spec = new StringBuilder();
			for (String f : fields.split(",")) {
				String[] nt = f.split(":");
				spec.append(spec.isEmpty() ? "" : ",")
					.append("{\"name\":\"" + nt[0] + "\",\"label\":\"" + nt[0] + "\",\"type\":\"" + nt[1]
							+ "\",\"sensitive\":" + nt[0].equals("address") + ",\"required\":true}");
			}
			post(admin, certificates + "/api/certificates/types", "{\"code\":\"" + typeCode + "\",\"name\":\"第" + (t + 1)
					+ "类" + KINDS[t % KINDS.length] + "\",\"issuerDepartmentCode\":\"" + system[2] + "\",\"holderKind\":\""
					+ (entity ? "ENTITY" : "PERSON") + "\",\"fields\":[" + spec + "],\"validityYears\":10}", 201);
			lines.add(String.join("\t", system[0], system[1], typeCode, entity ? "ENTITY" : "PERSON", fields));
		}
		Files.write(Path.of(args[5]), lines);
		System.out.printf("registered %d departments with a system each and %d certificate types%n", departments, types);
	}

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** The first 17 characters of a GB 32100 credit code and their check character. */
	static String withCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
	}

	static String post(String token, String url, String json, int expected) throws Exception {
		HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	/** As a person signs in: authorization code with PKCE, the login form, the code for a token. */
	static String signIn(String gateway, String username, String password) throws Exception {
		String verifier = random(), state = random(), redirect = "http://127.0.0.1:49152/callback";
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("response_type", "code");
		authorization.put("client_id", "shutong-cli");
		authorization.put("redirect_uri", redirect);
		authorization.put("scope", "openid");
		authorization.put("state", state);
		authorization.put("code_challenge", challenge);
		authorization.put("code_challenge_method", "S256");
		URI login = location(page(URI.create(gateway + "/oauth2/authorize?" + form(authorization)), null));
		String loginPage = page(login, null).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		URI resumed = location(page(login, form(Map.of("username", username, "password", password, "_csrf", csrf.group(1)))));
		URI callback = location(page(resumed, null));
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(callback.getRawQuery() == null ? "" : "?" + callback.getRawQuery());
		if (!code.find()) {
			throw new IllegalStateException("no code in " + callback);
		}
		HttpResponse<String> token = BROWSER.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
					java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirect,
					"client_id", "shutong-cli", "code_verifier", verifier))))
			.build(), HttpResponse.BodyHandlers.ofString());
		return field(token.body(), "access_token");
	}

	static HttpResponse<String> page(URI uri, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/html");
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		}
		return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static URI location(HttpResponse<String> response) {
		if (response.statusCode() != 302 || response.headers().firstValue("Location").isEmpty()) {
			throw new IllegalStateException("expected a redirect from " + response.uri() + ", got "
					+ response.statusCode() + ": " + response.body());
		}
		return response.uri().resolve(response.headers().firstValue("Location").get());
	}

	static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + '='
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
