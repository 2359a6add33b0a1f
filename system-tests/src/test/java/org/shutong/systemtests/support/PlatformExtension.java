package org.shutong.systemtests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the platform once for all system test classes of a run, since each JVM takes
 * seconds to start, and stops it when the run ends, failed or not. The services keep no
 * state that one test class could spoil for another; the one that restarts the gateway
 * leaves it running again.
 */
final class PlatformExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PlatformExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == RunningPlatform.class;
	}

	@Override
	public RunningPlatform resolveParameter(ParameterContext parameter, ExtensionContext context) {
		// The root context's store is closed, and so the platform stopped, when the run
		// ends.
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Startup.class, (key) -> new Startup(), Startup.class)
			.platform();
	}

	/**
	 * The one attempt to start the platform: a failure is remembered, so that every class
	 * reports it at once instead of trying again.
	 */
	private static final class Startup implements AutoCloseable {

		private RunningPlatform platform;

		private Exception failure;

		Startup() {
			try {
				this.platform = RunningPlatform.start();
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				this.failure = ex;
			}
		}

		RunningPlatform platform() {
			if (this.failure != null) {
				throw new ParameterResolutionException("The platform did not start", this.failure);
			}
			return this.platform;
		}

		@Override
		public void close() throws Exception {
			if (this.platform != null) {
				this.platform.close();
			}
		}

	}

}
