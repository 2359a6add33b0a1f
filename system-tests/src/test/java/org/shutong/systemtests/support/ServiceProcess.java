package org.shutong.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One service of the platform, run from its packaged jar in a JVM of its own, its console
 * output in a log file.
 */
public final class ServiceProcess {

	/**
	 * C1 only and the serial collector: a JVM that starts in half the time on a small
	 * machine, and the tests are too short for C2 to pay off.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration LOG_WAIT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String module;

	private final int port;

	private final Path jar;

	private final Path logFile;

	private final Map<String, String> environment;

	private final List<String> arguments;

	private volatile Process process;

	ServiceProcess(String module, int port, Path jar, Path logFile, Map<String, String> environment,
			List<String> arguments) {
		this.module = module;
		this.port = port;
		this.jar = jar;
		this.logFile = logFile;
		this.environment = Map.copyOf(environment);
		this.arguments = List.copyOf(arguments);
	}

	public String module() {
		return this.module;
	}

	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public Path logFile() {
		return this.logFile;
	}

	void start() throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		command.add("-jar");
		command.add(this.jar.toString());
		command.addAll(this.arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(this.logFile.toFile()));
		// Only what the test says: no setting from the shell that runs the build.
		builder.environment().keySet().removeIf((name) -> name.startsWith("SHUTONG_") || name.startsWith("SPRING_"));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
	}

	/**
	 * Waits until the service says it is ready for traffic.
	 * @throws IllegalStateException with the end of the log if it exits or the deadline
	 * passes first
	 */
	void awaitReady(Instant deadline) throws InterruptedException {
		HttpRequest readiness = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.module + " exited with status " + this.process.exitValue()
						+ " before it was ready; the end of " + this.logFile + ":\n" + tail(60));
			}
			try {
				if (this.http.send(readiness, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						this.module + " was not ready in time; the end of " + this.logFile + ":\n" + tail(60));
			}
			Thread.sleep(250);
		}
	}

	/** Asks the service to shut down, as an operator's SIGTERM would. */
	void requestStop() {
		Process running = this.process;
		if (running != null) {
			running.destroy();
		}
	}

	/** Stops the service and waits until it has; kills it if it takes too long. */
	void stop() throws InterruptedException {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			running.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
	}

	/** Kills the service at once: for the JVM's shutdown hook. */
	void kill() {
		Process running = this.process;
		if (running != null) {
			running.destroyForcibly();
		}
	}

	/** Every line the service has logged so far. */
	public List<String> logLines() {
		try {
			// Decoded leniently: the last line may still be half written.
			return new String(Files.readAllBytes(this.logFile), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits for the service to log a line that matches, as it writes its request log line
	 * just after the response has gone.
	 * @throws AssertionError with the end of the log if none comes within ten seconds
	 */
	public String awaitLogLine(Predicate<String> matches) throws InterruptedException {
		Instant deadline = Instant.now().plus(LOG_WAIT);
		while (true) {
			Optional<String> line = logLines().stream().filter(matches).findFirst();
			if (line.isPresent()) {
				return line.get();
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("no such line in " + this.logFile + "; its end:\n" + tail(20));
			}
			Thread.sleep(100);
		}
	}

	/** Waits for the line this service logs for the request with this id. */
	public RequestLogLine awaitRequestLogged(String requestId) throws InterruptedException {
		return RequestLogLine.parse(awaitLogLine((line) -> isRequest(line, requestId))).orElseThrow();
	}

	/**
	 * Whether this service has logged the request with this id, that is, handled it. A
	 * line may be written just after its response went: for a "no", call
	 * {@link #awaitLogCaughtUp()} first.
	 */
	public boolean hasLoggedRequest(String requestId) {
		return logLines().stream().anyMatch((line) -> isRequest(line, requestId));
	}

	/**
	 * Sends the service a request of its own and waits until it has logged it, so that
	 * every request it handled before is in the log by then.
	 */
	public void awaitLogCaughtUp() throws IOException, InterruptedException {
		String marker = "e2e-marker-" + UUID.randomUUID();
		this.http.send(HttpRequest.newBuilder(uri("/actuator/info")).header("X-Request-Id", marker).build(),
				BodyHandlers.discarding());
		awaitRequestLogged(marker);
	}

	private static boolean isRequest(String line, String requestId) {
		return RequestLogLine.parse(line).filter((request) -> request.requestId().equals(requestId)).isPresent();
	}

	String tail(int lines) {
		List<String> all = logLines();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

}
