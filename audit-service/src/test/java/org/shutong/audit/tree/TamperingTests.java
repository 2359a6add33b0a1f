package org.shutong.audit.tree;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TamperingTests {

	private static final int PUBLISHED_SIZE = 20;

	private static final int TAMPERED_INDEX = 7;

	private final List<byte[]> honestLeaves = TestLeaves.leafHashes(PUBLISHED_SIZE);

	private final MerkleTree honest = new MerkleTree(TestLeaves.store(this.honestLeaves), PUBLISHED_SIZE);

	@Test
	void changedLeafBreaksItsOldInclusionProof() {
		MerkleTree tampered = new MerkleTree(TestLeaves.store(withChangedLeaf()), PUBLISHED_SIZE);
		List<byte[]> oldProof = this.honest.inclusionProof(TAMPERED_INDEX, PUBLISHED_SIZE);
		byte[] honestLeaf = this.honestLeaves.get(TAMPERED_INDEX);

		assertThat(
				MerkleProofs.verifyInclusion(honestLeaf, TAMPERED_INDEX, PUBLISHED_SIZE, oldProof, this.honest.root()))
			.isTrue();
		assertThat(tampered.root()).isNotEqualTo(this.honest.root());
		assertThat(MerkleProofs.verifyInclusion(honestLeaf, TAMPERED_INDEX, PUBLISHED_SIZE, oldProof, tampered.root()))
			.isFalse();
	}

	@Test
	void changedLeafCannotBeProvedConsistentWithAnEarlierHonestRoot() {
		MerkleTree tampered = new MerkleTree(TestLeaves.store(withChangedLeaf()), PUBLISHED_SIZE);
		int earlierSize = 12;
		byte[] earlierHonestRoot = this.honest.root(earlierSize);

		assertThat(MerkleProofs.verifyConsistency(earlierSize, PUBLISHED_SIZE, earlierHonestRoot, tampered.root(),
				tampered.consistencyProof(earlierSize, PUBLISHED_SIZE)))
			.isFalse();
		assertThat(MerkleProofs.verifyConsistency(earlierSize, PUBLISHED_SIZE, earlierHonestRoot, tampered.root(),
				this.honest.consistencyProof(earlierSize, PUBLISHED_SIZE)))
			.isFalse();
		// A tree head taken before the changed leaf was appended does not cover it, so it
		// stays consistent.
		assertThat(MerkleProofs.verifyConsistency(TAMPERED_INDEX, PUBLISHED_SIZE, this.honest.root(TAMPERED_INDEX),
				tampered.root(), tampered.consistencyProof(TAMPERED_INDEX, PUBLISHED_SIZE)))
			.isTrue();
	}

	@Test
	void deletedLeafCannotBeProvedConsistentWithTheLongerOldRoot() {
		List<byte[]> afterDeletion = new ArrayList<>(this.honestLeaves);
		afterDeletion.remove(TAMPERED_INDEX);
		MerkleTree shorter = new MerkleTree(TestLeaves.store(afterDeletion), afterDeletion.size());

		assertThat(MerkleProofs.verifyConsistency(PUBLISHED_SIZE, afterDeletion.size(), this.honest.root(),
				shorter.root(), List.of()))
			.isFalse();

		afterDeletion.addAll(TestLeaves.leafHashes(PUBLISHED_SIZE + 5).subList(PUBLISHED_SIZE, PUBLISHED_SIZE + 5));
		MerkleTree regrown = new MerkleTree(TestLeaves.store(afterDeletion), afterDeletion.size());

		assertThat(MerkleProofs.verifyConsistency(PUBLISHED_SIZE, regrown.size(), this.honest.root(), regrown.root(),
				regrown.consistencyProof(PUBLISHED_SIZE, regrown.size())))
			.isFalse();
	}

	private List<byte[]> withChangedLeaf() {
		List<byte[]> leaves = new ArrayList<>(this.honestLeaves);
		leaves.set(TAMPERED_INDEX, Rfc9162Reference.leafHash(new byte[] { 42 }));
		return leaves;
	}

}
