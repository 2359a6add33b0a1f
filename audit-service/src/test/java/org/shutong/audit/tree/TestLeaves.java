package org.shutong.audit.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Distinct leaf hashes for test trees, computed by the reference so main code is not
 * trusted for them.
 */
final class TestLeaves {

	private TestLeaves() {
	}

	static List<byte[]> leafHashes(int count) {
		List<byte[]> leaves = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			leaves.add(Rfc9162Reference.leafHash(("event-" + i).getBytes(StandardCharsets.UTF_8)));
		}
		return leaves;
	}

	static InMemoryTreeNodes store(List<byte[]> leafHashes) {
		InMemoryTreeNodes nodes = new InMemoryTreeNodes();
		leafHashes.forEach(nodes::append);
		return nodes;
	}

}
