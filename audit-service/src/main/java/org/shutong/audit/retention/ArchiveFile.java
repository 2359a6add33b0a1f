package org.shutong.audit.retention;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The archive file format: gzip of NDJSON, one {@code {"leafIndex":n,"leaf":"<base64>"}}
 * line per event in leaf order, the leaf being the exact bytes whose hash
 * {@code SHA-256(0x00 || leaf)} is the tree's level-0 node. Files are written under a
 * temporary name, synced and then moved into place, so a file with the final name is
 * always whole.
 */
final class ArchiveFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ArchiveFile() {
	}

	/**
	 * Writes a file, {@code lines} handing it each leaf; returns the file's SHA-256 in
	 * hex.
	 */
	static String write(Path file, Consumer<LineWriter> lines) {
		Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.createDirectories(file.getParent());
			MessageDigest sha256 = sha256();
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256);
					Writer writer = new BufferedWriter(
							new OutputStreamWriter(new GZIPOutputStream(out, 64 * 1024), StandardCharsets.UTF_8))) {
				lines.accept((leafIndex, leaf) -> {
					try {
						writer.write("{\"leafIndex\":" + leafIndex + ",\"leaf\":\""
								+ Base64.getEncoder().encodeToString(leaf) + "\"}\n");
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
			}
			moveIntoPlace(temporary, file);
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the archive file " + file, ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/** Writes a small text file whole. */
	static void writeText(Path file, String text) {
		Path temporary = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			moveIntoPlace(temporary, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
		finally {
			deleteQuietly(temporary);
		}
	}

	/** Reads a file's lines in order; returns the SHA-256 of the whole file in hex. */
	static String read(Path file, LineWriter lines) {
		MessageDigest sha256 = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in, 64 * 1024), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				JsonNode node = JSON.readTree(line);
				lines.write(node.get("leafIndex").asLong(), Base64.getDecoder().decode(node.get("leaf").asString()));
			}
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the archive file " + file, ex);
		}
	}

	private static void moveIntoPlace(Path temporary, Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// A stray temporary file, never read.
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must provide SHA-256", ex);
		}
	}

	@FunctionalInterface
	interface LineWriter {

		void write(long leafIndex, byte[] leaf);

	}

}
