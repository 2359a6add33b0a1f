package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefusalTests {

	private static final int SIZE = 10;

	private final List<byte[]> leaves = TestLeaves.leafHashes(SIZE);

	private final InMemoryTreeNodes store = TestLeaves.store(this.leaves);

	private final MerkleTree tree = new MerkleTree(this.store, SIZE);

	@ParameterizedTest
	@CsvSource({ "-1, 10", "10, 10", "11, 10", "0, 0", "3, 2", "0, -1", "0, 11" })
	void inclusionProofRefusesIndexOutsideTheTree(long leafIndex, long treeSize) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tree.inclusionProof(leafIndex, treeSize))
			.withMessageContaining("must be in");
	}

	@ParameterizedTest
	@CsvSource({ "0, 5", "-1, 5", "6, 5", "0, 0", "1, 11", "1, -1" })
	void consistencyProofRefusesSizesOutsideTheTree(long oldSize, long newSize) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tree.consistencyProof(oldSize, newSize))
			.withMessageContaining("must be in");
	}

	@ParameterizedTest
	@CsvSource({ "-1", "11" })
	void rootRefusesSizeOutsideTheTree(long treeSize) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tree.root(treeSize))
			.withMessageContaining("must be in [0, 10]");
	}

	@Test
	void treeRefusesNegativeSizeOrNoNodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MerkleTree(this.store, -1))
			.withMessageContaining("negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new MerkleTree(null, 0))
			.withMessageContaining("required");
	}

	@Test
	void storeRefusesMalformedLeafHashesAndIncompleteSubtrees() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.append(new byte[31]))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.append(null));
		assertThat(this.store.size()).isEqualTo(SIZE);
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.node(0, SIZE))
			.withMessageContaining("No complete subtree");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.node(1, 5));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.node(4, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.node(-1, 0));
	}

	@Test
	void storedHashesCannotBeChangedThroughTheArraysPassedInOrOut() {
		byte[] leaf = Rfc9162Reference.leafHash(new byte[] { 1 });
		InMemoryTreeNodes nodes = new InMemoryTreeNodes();
		nodes.append(leaf);
		leaf[0] ^= 1;
		nodes.node(0, 0)[1] ^= 1;

		assertThat(nodes.node(0, 0)).isEqualTo(Rfc9162Reference.leafHash(new byte[] { 1 }));
	}

	@Test
	void inclusionVerificationRejectsMalformedInputWithoutThrowing() {
		int index = 3;
		byte[] leaf = this.leaves.get(index);
		byte[] root = this.tree.root();
		List<byte[]> proof = this.tree.inclusionProof(index, SIZE);
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, proof, root)).isTrue();

		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, proof.subList(0, proof.size() - 1), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, plus(proof, root), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, List.of(), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, garbage(proof.size()), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, withShortElement(proof), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, withNullElement(proof), root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, null, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(null, index, SIZE, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, proof, null)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE, proof, Arrays.copyOf(root, 31))).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, index + 1, SIZE, proof, root)).isFalse();
		// The size is bound by the signed tree head, not the proof: only a size whose
		// path has another shape is caught.
		assertThat(MerkleProofs.verifyInclusion(leaf, index, SIZE + 1, proof, root)).isTrue();
		assertThat(MerkleProofs.verifyInclusion(leaf, index, 2 * SIZE, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, -1, SIZE, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, SIZE, SIZE, proof, root)).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, 0, 0, List.of(), MerkleHash.emptyRoot())).isFalse();
		assertThat(MerkleProofs.verifyInclusion(leaf, Long.MAX_VALUE, Long.MIN_VALUE, proof, root)).isFalse();
	}

	@Test
	void consistencyVerificationRejectsMalformedInputWithoutThrowing() {
		int oldSize = 6;
		byte[] oldRoot = this.tree.root(oldSize);
		byte[] newRoot = this.tree.root();
		List<byte[]> proof = this.tree.consistencyProof(oldSize, SIZE);
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, proof)).isTrue();

		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, proof.subList(1, proof.size())))
			.isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, plus(proof, newRoot))).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, List.of())).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, garbage(proof.size()))).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, withShortElement(proof))).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, withNullElement(proof))).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, newRoot, null)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, null, newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, oldRoot, new byte[0], proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, SIZE, newRoot, oldRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize + 1, SIZE, oldRoot, newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(oldSize, 2 * SIZE, oldRoot, newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(0, SIZE, MerkleHash.emptyRoot(), newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(-1, SIZE, oldRoot, newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(SIZE, oldSize, newRoot, oldRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(SIZE, SIZE, newRoot, newRoot, proof)).isFalse();
		assertThat(MerkleProofs.verifyConsistency(SIZE, SIZE, oldRoot, newRoot, List.of())).isFalse();
		assertThat(MerkleProofs.verifyConsistency(SIZE, SIZE, newRoot, newRoot, List.of())).isTrue();
	}

	private static List<byte[]> plus(List<byte[]> proof, byte[] extra) {
		List<byte[]> longer = new ArrayList<>(proof);
		longer.add(extra);
		return longer;
	}

	private static List<byte[]> garbage(int length) {
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			hashes.add(Rfc9162Reference.sha256(new byte[] { (byte) i }));
		}
		return hashes;
	}

	private static List<byte[]> withShortElement(List<byte[]> proof) {
		List<byte[]> changed = new ArrayList<>(proof);
		changed.set(0, Arrays.copyOf(proof.get(0), 31));
		return changed;
	}

	private static List<byte[]> withNullElement(List<byte[]> proof) {
		List<byte[]> changed = new ArrayList<>(proof);
		changed.set(0, null);
		return changed;
	}

}
