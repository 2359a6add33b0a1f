package org.shutong.gateway.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.shutong.gateway.client.ClientAuthMethod;
import org.shutong.gateway.client.ClientRegistry;
import org.shutong.gateway.department.DepartmentRegistry;
import org.shutong.gateway.user.UserRegistry;
import org.shutong.platform.keys.KeyMaterial;
import org.shutong.platform.security.Roles;
import org.shutong.platform.security.Scopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start of a demo installation: three departments with a system client each,
 * a citizen, an operator per department, an auditor and an administrator. The generated
 * secrets and passwords are shown once, on the console and in
 * {@code demo-credentials.json} under the data directory.
 */
@Component
@ConditionalOnBooleanProperty("shutong.demo.enabled")
class DemoIdentities implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoIdentities.class);

	static final List<DemoDepartment> DEPARTMENTS = List.of(
			new DemoDepartment("11330100002482100A", "市公安局", "public-security"),
			new DemoDepartment("113301000024825001", "市民政局", "civil-affairs"),
			new DemoDepartment("113301000024828002", "市市场监督管理局", "market-regulation"));

	static final String REGION = "杭州市";

	/** The demo citizen's identity number (fictitious, with a valid check character). */
	static final String CITIZEN_ID_NUMBER = "330106199203150027";

	private static final Set<String> SYSTEM_SCOPES = Set.of(Scopes.CATALOG_READ, Scopes.CATALOG_WRITE,
			Scopes.SHARING_APPLY, Scopes.SHARING_REVIEW, Scopes.EXCHANGE_QUERY, Scopes.CERTIFICATE_ISSUE,
			Scopes.CERTIFICATE_READ);

	private final DepartmentRegistry departments;

	private final ClientRegistry clients;

	private final UserRegistry users;

	private final JsonMapper json;

	private final Path credentialsFile;

	DemoIdentities(DepartmentRegistry departments, ClientRegistry clients, UserRegistry users, JsonMapper json,
			@Value("${shutong.data-dir}") Path dataDir) {
		this.departments = departments;
		this.clients = clients;
		this.users = users;
		this.json = json;
		this.credentialsFile = dataDir.resolve("demo-credentials.json");
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.departments.all().isEmpty()) {
			return;
		}
		List<ClientCredentials> clientCredentials = new ArrayList<>();
		List<UserCredentials> userCredentials = new ArrayList<>();
		for (DemoDepartment department : DEPARTMENTS) {
			this.departments.register(department.creditCode(), department.name(), REGION);
			String clientId = department.slug() + "-system";
			ClientRegistry.Registered client = this.clients.register(clientId, department.creditCode(), SYSTEM_SCOPES,
					ClientAuthMethod.CLIENT_SECRET_BASIC, null);
			clientCredentials.add(new ClientCredentials(clientId, client.secret(), department.creditCode(),
					client.client().getScopes().stream().sorted().toList()));
		}
		userCredentials.add(user("citizen", Roles.CITIZEN, null, CITIZEN_ID_NUMBER));
		for (DemoDepartment department : DEPARTMENTS) {
			userCredentials
				.add(user("operator-" + department.slug(), Roles.DEPT_OPERATOR, department.creditCode(), null));
		}
		userCredentials.add(user("auditor", Roles.AUDITOR, null, null));
		userCredentials.add(user("admin", Roles.ADMIN, null, null));
		write(new Credentials(clientCredentials, userCredentials));
	}

	private UserCredentials user(String username, String role, @Nullable String departmentCode,
			@Nullable String idNumber) {
		UserRegistry.Created created = this.users.create(username, Set.of(role), departmentCode, idNumber);
		return new UserCredentials(username, created.password(), List.of(role), departmentCode);
	}

	private void write(Credentials credentials) {
		String text = this.json.writerWithDefaultPrettyPrinter().writeValueAsString(credentials);
		try {
			Files.createDirectories(this.credentialsFile.toAbsolutePath().getParent());
			Files.writeString(this.credentialsFile, text + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING);
			KeyMaterial.restrictToOwner(this.credentialsFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		logger.info("Demo identities created; their secrets and passwords are shown only now and kept in {}:\n{}",
				this.credentialsFile.toAbsolutePath().normalize(), text);
	}

	record DemoDepartment(String creditCode, String name, String slug) {
	}

	record Credentials(List<ClientCredentials> clients, List<UserCredentials> users) {
	}

	record ClientCredentials(String clientId, @Nullable String clientSecret, String departmentCode,
			List<String> scopes) {
	}

	record UserCredentials(String username, String password, List<String> roles, @Nullable String departmentCode) {
	}

}
