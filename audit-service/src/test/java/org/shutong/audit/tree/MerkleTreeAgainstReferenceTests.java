package org.shutong.audit.tree;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeAgainstReferenceTests {

	private static final int LARGEST = 1025;

	private static List<byte[]> leaves;

	private static InMemoryTreeNodes store;

	@BeforeAll
	static void appendAllLeaves() {
		leaves = TestLeaves.leafHashes(LARGEST);
		store = TestLeaves.store(leaves);
	}

	static IntStream sizes() {
		return IntStream.concat(IntStream.rangeClosed(1, 70), IntStream.of(127, 128, 129, 1000, 1023, 1024, 1025));
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void rootIsTheReferenceMth(int size) {
		byte[] expected = Rfc9162Reference.mth(leaves.subList(0, size));

		assertThat(new MerkleTree(store, LARGEST).root(size)).isEqualTo(expected);
		assertThat(new MerkleTree(TestLeaves.store(leaves.subList(0, size)), size).root()).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void everyInclusionProofIsTheReferencePathAndVerifies(int size) {
		MerkleTree tree = new MerkleTree(store, size);
		List<byte[]> d = leaves.subList(0, size);
		byte[] root = Rfc9162Reference.mth(d);
		for (int index = 0; index < size; index++) {
			List<byte[]> proof = tree.inclusionProof(index, size);

			assertThat(proof).as("PATH(%d, D[%d])", index, size)
				.containsExactlyElementsOf(Rfc9162Reference.path(index, d));
			assertThat(MerkleProofs.verifyInclusion(d.get(index), index, size, proof, root)).isTrue();
			assertThat(Rfc9162Reference.verifyInclusion(d.get(index), index, size, proof, root)).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("sizes")
	void everyConsistencyProofIsTheReferenceProofAndVerifies(int size) {
		MerkleTree tree = new MerkleTree(store, LARGEST);
		List<byte[]> d = leaves.subList(0, size);
		byte[] newRoot = Rfc9162Reference.mth(d);
		for (int oldSize = 1; oldSize <= size; oldSize++) {
			List<byte[]> proof = tree.consistencyProof(oldSize, size);
			byte[] oldRoot = Rfc9162Reference.mth(leaves.subList(0, oldSize));

			assertThat(proof).as("PROOF(%d, D[%d])", oldSize, size)
				.containsExactlyElementsOf(Rfc9162Reference.proof(oldSize, d));
			assertThat(MerkleProofs.verifyConsistency(oldSize, size, oldRoot, newRoot, proof)).isTrue();
			if (oldSize < size) {
				assertThat(Rfc9162Reference.verifyConsistency(oldSize, size, oldRoot, newRoot, proof)).isTrue();
			}
			else {
				assertThat(proof).isEmpty();
			}
		}
	}

	@Test
	void everyStoredNodeIsTheReferenceMthOfItsSubtree() {
		for (int level = 0; (1 << level) <= LARGEST; level++) {
			int width = 1 << level;
			for (int index = 0; (long) (index + 1) * width <= LARGEST; index++) {
				assertThat(store.node(level, index))
					.isEqualTo(Rfc9162Reference.mth(leaves.subList(index * width, (index + 1) * width)));
			}
		}
	}

	@Test
	void proofsReadLogarithmicallyManyNodes() {
		CountingNodes counting = new CountingNodes(store);
		MerkleTree tree = new MerkleTree(counting, LARGEST);
		long bound = 2L * (64 - Long.numberOfLeadingZeros(LARGEST)) + 2;
		LongStream.rangeClosed(1, LARGEST).forEach((size) -> {
			assertThat(counting.readsDuring(() -> tree.root(size))).isLessThanOrEqualTo(bound);
			assertThat(counting.readsDuring(() -> tree.inclusionProof(size - 1, size))).isLessThanOrEqualTo(bound);
			assertThat(counting.readsDuring(() -> tree.inclusionProof(size / 3, size))).isLessThanOrEqualTo(bound);
			assertThat(counting.readsDuring(() -> tree.consistencyProof(size, LARGEST))).isLessThanOrEqualTo(bound);
			assertThat(counting.readsDuring(() -> tree.consistencyProof((size + 1) / 2, size)))
				.isLessThanOrEqualTo(bound);
		});
	}

	private static final class CountingNodes implements TreeNodes {

		private final TreeNodes delegate;

		private long reads;

		CountingNodes(TreeNodes delegate) {
			this.delegate = delegate;
		}

		@Override
		public byte[] node(int level, long index) {
			this.reads++;
			return this.delegate.node(level, index);
		}

		long readsDuring(Runnable action) {
			long before = this.reads;
			action.run();
			return this.reads - before;
		}

	}

}
