package org.shutong.systemtests.support;

import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway wrote to {@code demo-credentials.json} on its first start: the demo
 * department systems' client secrets and the demo people's passwords.
 */
public record DemoCredentials(List<Client> clients, List<User> users) {

	static DemoCredentials read(Path file) {
		return JsonMapper.builder().build().readValue(file.toFile(), DemoCredentials.class);
	}

	public Client client(String clientId) {
		return this.clients.stream()
			.filter((client) -> client.clientId().equals(clientId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo client " + clientId));
	}

	public String password(String username) {
		return this.users.stream()
			.filter((user) -> user.username().equals(username))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo user " + username))
			.password();
	}

	public record Client(String clientId, String clientSecret, String departmentCode, List<String> scopes) {
	}

	public record User(String username, String password, List<String> roles, String departmentCode) {
	}

}
