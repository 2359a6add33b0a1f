package org.shutong.gateway.audit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.shutong.gateway.testing.GatewayHttp;
import org.shutong.gateway.testing.GatewayHttpTest;
import org.shutong.gateway.testing.GatewayTest;
import org.shutong.gateway.testing.Identities;
import org.shutong.gateway.testing.IdentityNumbers;
import org.shutong.gateway.testing.RecordedAuditEvents;
import org.shutong.platform.audit.AuditEvent;
import org.shutong.platform.audit.AuditOutcome;
import org.shutong.platform.identity.HolderReferences;
import org.shutong.platform.identity.ResidentIdNumber;
import org.shutong.platform.security.Roles;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change an administrator makes is an audit event of the gateway, published in the
 * change's transaction and delivered through the outbox: who made it, on what, and never
 * a secret, a password or an identity number.
 */
@GatewayTest
class AdminAuditTests extends GatewayHttpTest {

	@Autowired
	private RecordedAuditEvents audit;

	@Autowired
	private HolderReferences holders;

	@Autowired
	private JsonMapper json;

	@Test
	void aDepartmentRegisteredByAnAdministratorSystemIsAudited() {
		Identities.Client administrator = this.identities.administrator();
		String token = this.gateway.accessToken(administrator, "admin");
		String creditCode = IdentityNumbers.creditCode();
		String name = "审计测试部门 " + UUID.randomUUID();

		HttpResponse<String> created = this.gateway.postJson("/api/admin/departments", token,
				GatewayHttp.toJson(Map.of("creditCode", creditCode, "name", name, "region", "杭州市")));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		AuditEvent event = this.audit.await("gateway.department.create", "department/" + creditCode);
		assertThat(event.service()).isEqualTo("gateway");
		assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
		assertThat(event.actor())
			.isEqualTo(new AuditEvent.Actor(administrator.departmentCode(), administrator.clientId(), null));
		assertThat(event.subject()).isNull();
		assertThat(event.details()).containsEntry("name", name).containsEntry("region", "杭州市");
	}

	@Test
	void aClientRegisteredByAnAdministratorPersonIsAuditedWithoutItsSecret() {
		Identities.Person administrator = this.identities.administratorPerson();
		String token = commandLine().tokens(administrator, "openid").get("access_token").asString();
		String departmentCode = this.identities.department();
		String clientId = Identities.uniqueName("audited");

		HttpResponse<String> created = this.gateway.postJson("/api/admin/clients", token,
				GatewayHttp.toJson(Map.of("clientId", clientId, "departmentCode", departmentCode, "scopes",
						List.of("catalog.read", "catalog.write"), "authMethod", "client_secret_basic")));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = GatewayHttp.json(created).get("clientSecret").asString();
		AuditEvent event = this.audit.await("gateway.client.create", "client/" + clientId);
		assertThat(event.actor().userId()).isEqualTo(administrator.username());
		assertThat(event.actor().clientId()).isEqualTo("shutong-cli");
		assertThat(event.details()).containsEntry("departmentCode", departmentCode)
			.containsEntry("scopes", List.of("catalog.read", "catalog.write"))
			.containsEntry("authMethod", "client_secret_basic");
		assertThat(this.json.writeValueAsString(event)).doesNotContain(secret);
	}

	@Test
	void aCitizenCreatedByAnAdministratorIsAuditedByHolderReferenceNeverByNumberOrPassword() {
		String token = this.gateway.accessToken(this.identities.administrator(), "admin");
		String idNumber = IdentityNumbers.residentIdNumber();
		String username = Identities.uniqueName("citizen");

		HttpResponse<String> created = this.gateway.postJson("/api/admin/users", token, GatewayHttp
			.toJson(Map.of("username", username, "roles", List.of(Roles.CITIZEN), "holderIdNumber", idNumber)));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String password = GatewayHttp.json(created).get("password").asString();
		AuditEvent event = this.audit.await("gateway.user.create", "user/" + username);
		assertThat(event.subject()).isEqualTo(
				new AuditEvent.Subject(AuditEvent.SubjectKind.PERSON, this.holders.of(new ResidentIdNumber(idNumber))));
		assertThat(event.details()).containsEntry("roles", List.of(Roles.CITIZEN)).containsEntry("holderLinked", true);
		String serialized = this.json.writeValueAsString(event);
		assertThat(serialized).doesNotContain(idNumber).doesNotContain(password);
	}

	@Test
	void aRefusedChangeIsNotAudited() {
		String token = this.gateway.accessToken(this.identities.administrator(), "admin");
		String username = Identities.uniqueName("operator");

		HttpResponse<String> refused = this.gateway.postJson("/api/admin/users", token,
				GatewayHttp.toJson(Map.of("username", username, "roles", List.of(Roles.DEPT_OPERATOR))));
		GatewayHttp.problem(refused, 400, "INVALID_REQUEST");
		// Delivered after it, so an event of the refused change would have been delivered
		// first.
		String creditCode = this.identities.department();
		this.audit.await("gateway.department.create", "department/" + creditCode);

		assertThat(this.audit.of("gateway.user.create", "user/" + username)).isEmpty();
	}

}
