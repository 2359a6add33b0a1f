package org.shutong.audit.tree;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RFC 6962 test tree used across Certificate Transparency implementations, as
 * published in transparency-dev/merkle {@code testonly/constants.go}: its eight leaf
 * inputs, the root of every size 0..8 and the hash of every complete subtree of the
 * 8-leaf tree.
 */
class KnownVectorTests {

	private static final List<byte[]> LEAF_INPUTS = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f");

	private static final List<byte[]> ROOTS = hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	private static final List<List<byte[]>> NODES = List.of(
			hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
					"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
					"0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
					"07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
					"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
					"4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
					"b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
					"46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
			hex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
					"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
					"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
					"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
			hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
					"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
			hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

	@Test
	void emptyTreeRootIsSha256OfNothing() {
		assertThat(MerkleHash.emptyRoot()).isEqualTo(ROOTS.get(0));
		assertThat(new MerkleTree(new InMemoryTreeNodes(), 0).root()).isEqualTo(ROOTS.get(0));
	}

	@Test
	void rootOfEverySizeIsThePublishedOne() {
		MerkleTree tree = new MerkleTree(publishedTree(), 8);
		for (int size = 0; size <= 8; size++) {
			assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(ROOTS.get(size));
			assertThat(Rfc9162Reference.mth(leafHashes().subList(0, size))).isEqualTo(ROOTS.get(size));
		}
	}

	@Test
	void everyCompleteSubtreeIsThePublishedNode() {
		InMemoryTreeNodes nodes = publishedTree();
		for (int level = 0; level < NODES.size(); level++) {
			for (int index = 0; index < NODES.get(level).size(); index++) {
				assertThat(nodes.node(level, index)).as("node (%d, %d)", level, index)
					.isEqualTo(NODES.get(level).get(index));
			}
		}
	}

	@Test
	void inclusionProofsAreMadeOfThePublishedNodes() {
		MerkleTree tree = new MerkleTree(publishedTree(), 8);

		assertThat(tree.inclusionProof(0, 8)).containsExactly(node(0, 1), node(1, 1), node(2, 1));
		assertThat(tree.inclusionProof(5, 8)).containsExactly(node(0, 4), node(1, 3), node(2, 0));
		assertThat(tree.inclusionProof(2, 3)).containsExactly(node(1, 0));
		assertThat(tree.inclusionProof(1, 5)).containsExactly(node(0, 0), node(1, 1), node(0, 4));
		assertThat(MerkleProofs.verifyInclusion(node(0, 5), 5, 8, tree.inclusionProof(5, 8), ROOTS.get(8))).isTrue();
	}

	@Test
	void consistencyProofsAreMadeOfThePublishedNodes() {
		MerkleTree tree = new MerkleTree(publishedTree(), 8);

		assertThat(tree.consistencyProof(1, 1)).isEmpty();
		assertThat(tree.consistencyProof(1, 8)).containsExactly(node(0, 1), node(1, 1), node(2, 1));
		assertThat(tree.consistencyProof(6, 8)).containsExactly(node(1, 2), node(1, 3), node(2, 0));
		assertThat(tree.consistencyProof(2, 5)).containsExactly(node(1, 1), node(0, 4));
		assertThat(MerkleProofs.verifyConsistency(6, 8, ROOTS.get(6), ROOTS.get(8), tree.consistencyProof(6, 8)))
			.isTrue();
	}

	private static InMemoryTreeNodes publishedTree() {
		InMemoryTreeNodes nodes = new InMemoryTreeNodes();
		LEAF_INPUTS.forEach((input) -> nodes.append(MerkleHash.leaf(input)));
		return nodes;
	}

	private static List<byte[]> leafHashes() {
		return LEAF_INPUTS.stream().map(Rfc9162Reference::leafHash).toList();
	}

	private static byte[] node(int level, int index) {
		return NODES.get(level).get(index);
	}

	private static List<byte[]> hex(String... values) {
		return Stream.of(values).map(HexFormat.of()::parseHex).toList();
	}

}
