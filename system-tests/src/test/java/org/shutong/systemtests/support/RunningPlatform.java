package org.shutong.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The four services started from their packaged jars, each on a free port, on one fresh
 * data directory, the gateway routing to the other three and issuing the tokens they
 * check.
 */
public final class RunningPlatform implements AutoCloseable {

	/**
	 * Requests each caller may make per second at the gateway: far above what any test
	 * but the rate-limit test sends, low enough that its burst crosses it on any machine.
	 */
	public static final int RATE_LIMIT = 20;

	private static final List<String> MODULES = List.of("gateway", "catalog-service", "certificate-service",
			"audit-service");

	/** How long the services may take to become ready, together. */
	private static final Duration START_TIMEOUT = Duration
		.ofSeconds(Long.getLong("shutong.system-tests.start-timeout", 180));

	private final Path dataDir;

	private final ServiceProcess gateway;

	private final ServiceProcess catalog;

	private final ServiceProcess certificate;

	private final ServiceProcess audit;

	private final Thread killOnExit;

	private RunningPlatform(Path dataDir, ServiceProcess gateway, ServiceProcess catalog, ServiceProcess certificate,
			ServiceProcess audit) {
		this.dataDir = dataDir;
		this.gateway = gateway;
		this.catalog = catalog;
		this.certificate = certificate;
		this.audit = audit;
		// Should the test JVM be stopped before close(), the services die with it.
		this.killOnExit = new Thread(() -> services().forEach(ServiceProcess::kill), "kill-shutong-services");
		Runtime.getRuntime().addShutdownHook(this.killOnExit);
	}

	/**
	 * Starts all four services at once and returns when all are ready.
	 */
	public static RunningPlatform start() throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("shutong.root", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("shutong.version", "0.1.0-SNAPSHOT");
		Map<String, Path> jars = new LinkedHashMap<>();
		for (String module : MODULES) {
			jars.put(module, jar(root, version, module));
		}
		Path logs = Path.of(System.getProperty("shutong.logs", "target/system-logs")).toAbsolutePath();
		deleteRecursively(logs);
		Files.createDirectories(logs);
		Path dataDir = Files.createTempDirectory("shutong-system-tests-");
		List<Integer> ports = FreePorts.find(MODULES.size());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SHUTONG_DATA_DIR", dataDir.toString());
		environment.put("SHUTONG_ISSUER", "http://127.0.0.1:" + ports.get(0));
		environment.put("GATEWAY_PORT", ports.get(0).toString());
		environment.put("CATALOG_PORT", ports.get(1).toString());
		environment.put("CERTIFICATE_PORT", ports.get(2).toString());
		environment.put("AUDIT_PORT", ports.get(3).toString());
		environment.put("CATALOG_URL", "http://127.0.0.1:" + ports.get(1));
		environment.put("CERTIFICATE_URL", "http://127.0.0.1:" + ports.get(2));
		environment.put("AUDIT_URL", "http://127.0.0.1:" + ports.get(3));
		List<ServiceProcess> services = new ArrayList<>();
		for (int i = 0; i < MODULES.size(); i++) {
			String module = MODULES.get(i);
			List<String> arguments = module.equals("gateway")
					? List.of("--shutong.gateway.rate-limit.capacity=" + RATE_LIMIT) : List.of();
			services.add(new ServiceProcess(module, ports.get(i), jars.get(module), logs.resolve(module + ".log"),
					environment, arguments));
		}
		RunningPlatform platform = new RunningPlatform(dataDir, services.get(0), services.get(1), services.get(2),
				services.get(3));
		try {
			for (ServiceProcess service : services) {
				service.start();
			}
			Instant deadline = Instant.now().plus(START_TIMEOUT);
			for (ServiceProcess service : services) {
				service.awaitReady(deadline);
			}
			return platform;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	private static Path jar(Path root, String version, String module) {
		Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: package the services first (./mvnw -B verify from " + root + ")");
		}
		return jar;
	}

	public ServiceProcess gateway() {
		return this.gateway;
	}

	public ServiceProcess catalog() {
		return this.catalog;
	}

	public ServiceProcess certificate() {
		return this.certificate;
	}

	public ServiceProcess audit() {
		return this.audit;
	}

	/** The issuer every service trusts: the gateway's own address. */
	public String issuer() {
		return "http://127.0.0.1:" + this.gateway.port();
	}

	/** A path reached through the gateway. */
	public URI gatewayUri(String path) {
		return this.gateway.uri(path);
	}

	/** The secrets and passwords the gateway generated on its first start. */
	public DemoCredentials demo() {
		return DemoCredentials.read(this.dataDir.resolve("demo-credentials.json"));
	}

	/**
	 * Stops the gateway, waits until it has exited, and starts it again on the same port
	 * and data directory.
	 */
	public void restartGateway() throws IOException, InterruptedException {
		this.gateway.stop();
		this.gateway.start();
		this.gateway.awaitReady(Instant.now().plus(START_TIMEOUT));
	}

	/**
	 * Stops the audit service and waits until it has exited: the others go on, and their
	 * audit events wait in their outboxes.
	 */
	public void stopAuditService() throws InterruptedException {
		this.audit.stop();
	}

	/** Starts the audit service again on the same port and data directory. */
	public void startAuditService() throws IOException, InterruptedException {
		this.audit.start();
		this.audit.awaitReady(Instant.now().plus(START_TIMEOUT));
	}

	private List<ServiceProcess> services() {
		return List.of(this.gateway, this.catalog, this.certificate, this.audit);
	}

	/** Stops every service, then deletes the data directory. */
	@Override
	public void close() throws IOException, InterruptedException {
		services().forEach(ServiceProcess::requestStop);
		for (ServiceProcess service : services()) {
			service.stop();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.killOnExit);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is running or has run.
		}
		deleteRecursively(this.dataDir);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
