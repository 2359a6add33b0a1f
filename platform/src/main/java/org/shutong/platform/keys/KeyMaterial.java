package org.shutong.platform.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.util.StringUtils;

/**
 * Finds a secret key: the configured value (base64, normally from the environment) when
 * there is one, otherwise, where generating is allowed (the embedded default), a key in a
 * file of the data directory, made once and shared by every service on the machine.
 */
public final class KeyMaterial {

	private static final SecureRandom RANDOM = new SecureRandom();

	private KeyMaterial() {
	}

	/**
	 * @param property the configuration property that names the key, for messages
	 * @param configured the configured base64 value, possibly blank
	 * @param file where a generated key lives
	 * @param mayGenerate whether a missing key may be generated into {@code file}
	 * @param length the key length in bytes
	 */
	public static byte[] resolve(String property, String configured, Path file, boolean mayGenerate, int length) {
		if (StringUtils.hasText(configured)) {
			return checkLength(property, Base64.getDecoder().decode(configured.trim()), length);
		}
		if (!mayGenerate) {
			throw new IllegalStateException(property + " is not set: give it a base64 key of " + length
					+ " bytes (e.g. openssl rand -base64 " + length + ")");
		}
		try {
			if (!Files.exists(file)) {
				createOnce(file, length);
			}
			return checkLength(property, Base64.getDecoder().decode(Files.readString(file).trim()), length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create " + file, ex);
		}
	}

	private static void createOnce(Path file, int length) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		byte[] key = new byte[length];
		RANDOM.nextBytes(key);
		Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
		try {
			restrictToOwner(draft);
			Files.writeString(draft, Base64.getEncoder().encodeToString(key));
			// A link either creates the file whole or finds that another service did
			// first.
			Files.createLink(file, draft);
		}
		catch (FileAlreadyExistsException ex) {
			// Another service made it first: use theirs.
		}
		finally {
			Files.deleteIfExists(draft);
		}
	}

	/**
	 * Lets only this user read and write a file of secrets, where the file system knows
	 * POSIX permissions.
	 */
	public static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the data directory's own permissions apply.
		}
	}

	private static byte[] checkLength(String property, byte[] key, int length) {
		if (key.length != length) {
			throw new IllegalStateException(property + " must be " + length + " bytes, not " + key.length);
		}
		return key;
	}

}
