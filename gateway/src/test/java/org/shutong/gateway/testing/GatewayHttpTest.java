package org.shutong.gateway.testing;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

/**
 * A test that talks HTTP to the gateway started by its Spring test context, with
 * identities of its own.
 */
public abstract class GatewayHttpTest {

	@Value("${local.server.port}")
	protected int port;

	@Autowired
	private ApplicationContext context;

	protected GatewayHttp gateway;

	protected Identities identities;

	@BeforeEach
	void connectToTheGateway() {
		this.gateway = new GatewayHttp(this.port);
		this.identities = new Identities(this.context);
	}

	protected Browser browser() {
		return new Browser(this.port);
	}

	protected CommandLineSignIn commandLine() {
		return new CommandLineSignIn(this.port);
	}

}
