import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inclusion-proof time on a large log. Fills the running audit service's tree_node table
 * with the RFC 9162 tree of {@code leaves} synthetic leaf hashes (as the sequencer would
 * store them, complete subtrees only), waits for the service to sign a checkpoint of that
 * size, then fetches inclusion proofs for random leaves over HTTP and verifies each
 * against the signed root.
 *
 * java -cp mysql-connector-j.jar ProofBench.java <leaves> <jdbc url> <audit url> <proofs>
 */
public class ProofBench {

	public static void main(String[] args) throws Exception {
		long leaves = Long.parseLong(args[0]);
		String jdbc = args[1], audit = args[2];
		int proofs = Integer.parseInt(args[3]);
		long t0 = System.nanoTime();
		fill(leaves, jdbc);
		System.out.printf("filled a tree of %d leaves in %.0f s%n", leaves, (System.nanoTime() - t0) / 1e9);
		HttpClient http = HttpClient.newHttpClient();
		byte[] root = signedRoot(http, audit, leaves);
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < proofs; i++) {
			long index = ThreadLocalRandom.current().nextLong(leaves);
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create(audit + "/api/audit/proofs/inclusion?leafIndex=" + index + "&treeSize=" + leaves))
				.build(), HttpResponse.BodyHandlers.ofString());
			millis.add((System.nanoTime() - start) / 1e6);
			List<byte[]> path = new ArrayList<>();
			Matcher m = Pattern.compile("\"([A-Za-z0-9+/=]{44})\"").matcher(response.body());
			while (m.find()) {
				path.add(Base64.getDecoder().decode(m.group(1)));
			}
			if (!verify(leafHash(index), index, leaves, path, root)) {
				throw new IllegalStateException("proof for leaf " + index + " does not verify: " + response.body());
			}
		}
		Collections.sort(millis);
		System.out.printf("inclusion proof over HTTP on %d leaves: p50 %.2f ms, p99 %.2f ms (%d proofs, each verified)%n",
				leaves, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99) - 1), proofs);
		System.out.printf("RESULT proof_leaves=%d proof_p50_ms=%.2f proof_p99_ms=%.2f%n", leaves,
				millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99) - 1));
	}

	static void fill(long leaves, String url) throws Exception {
		try (Connection c = DriverManager.getConnection(url)) {
			c.setAutoCommit(false);
			PreparedStatement insert = c.prepareStatement("INSERT INTO tree_node (level, node_index, hash) VALUES (?, ?, ?)");
			List<byte[]> lastAtLevel = new ArrayList<>();
			int pending = 0;
			for (long i = 0; i < leaves; i++) {
				byte[] hash = leafHash(i);
				add(insert, 0, i, hash);
				pending++;
				long index = i;
				int level = 0;
				// An odd node completes a subtree with the even node kept at its level.
				while ((index & 1) == 1) {
					hash = nodeHash(lastAtLevel.get(level), hash);
					index >>= 1;
					level++;
					add(insert, level, index, hash);
					pending++;
				}
				set(lastAtLevel, level, hash);
				if (pending >= 20_000) {
					insert.executeBatch();
					c.commit();
					pending = 0;
				}
			}
			insert.executeBatch();
			c.commit();
		}
	}

	static void add(PreparedStatement insert, int level, long index, byte[] hash) throws Exception {
		insert.setInt(1, level);
		insert.setLong(2, index);
		insert.setBytes(3, hash);
		insert.addBatch();
	}

	static void set(List<byte[]> list, int level, byte[] hash) {
		if (level == list.size()) {
			list.add(hash);
		}
		else {
			list.set(level, hash);
		}
	}

	static byte[] signedRoot(HttpClient http, String audit, long leaves) throws Exception {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline) {
			String body = http.send(HttpRequest.newBuilder(URI.create(audit + "/api/audit/checkpoints/" + leaves)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher m = Pattern.compile("\"rootHash\":\"([^\"]+)\"").matcher(body);
			if (m.find()) {
				return Base64.getDecoder().decode(m.group(1));
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the service signed no checkpoint of size " + leaves);
	}

	static byte[] leafHash(long index) throws Exception {
		return sha256(new byte[] { 0 }, ByteBuffer.allocate(8).putLong(index).array());
	}

	static byte[] nodeHash(byte[] left, byte[] right) throws Exception {
		return sha256(new byte[] { 1 }, left, right);
	}

	static byte[] sha256(byte[]... parts) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		for (byte[] part : parts) {
			sha.update(part);
		}
		return sha.digest();
	}

	/** RFC 9162 §2.1.3.2. */
	static boolean verify(byte[] hash, long index, long size, List<byte[]> path, byte[] root) throws Exception {
		long fn = index, sn = size - 1;
		byte[] r = hash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

}
