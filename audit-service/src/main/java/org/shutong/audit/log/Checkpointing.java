package org.shutong.audit.log;

/**
 * Signs a checkpoint of the log when it has grown since the last one.
 */
@FunctionalInterface
public interface Checkpointing {

	void checkpoint();

}
