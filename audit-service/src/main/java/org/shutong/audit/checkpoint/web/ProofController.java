package org.shutong.audit.checkpoint.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.shutong.audit.checkpoint.Checkpoint;
import org.shutong.audit.checkpoint.CheckpointStore;
import org.shutong.audit.tree.JdbcTreeNodes;
import org.shutong.audit.tree.MerkleTree;
import org.shutong.platform.problem.FieldError;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.problem.Problems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 9162 proofs over the log, open to anyone. A tree size left out means the latest
 * checkpoint's, so a proof fetched together with that checkpoint fits it.
 */
@RestController
class ProofController {

	private final JdbcTreeNodes nodes;

	private final CheckpointStore checkpoints;

	ProofController(JdbcTreeNodes nodes, CheckpointStore checkpoints) {
		this.nodes = nodes;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/api/audit/proofs/inclusion")
	InclusionProof inclusion(@RequestParam long leafIndex, @RequestParam(required = false) @Nullable Long treeSize) {
		long size = this.nodes.size();
		long proofSize = (treeSize != null) ? treeSize : latestSize();
		List<FieldError> errors = new ArrayList<>();
		requireTreeSize("treeSize", proofSize, size, errors);
		if (leafIndex < 0 || leafIndex >= proofSize) {
			errors.add(new FieldError("leafIndex", "must be at least 0 and below the tree size " + proofSize));
		}
		requireValid(errors);
		return new InclusionProof(leafIndex, proofSize,
				base64(new MerkleTree(this.nodes, size).inclusionProof(leafIndex, proofSize)));
	}

	@GetMapping("/api/audit/proofs/consistency")
	ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) @Nullable Long to) {
		long size = this.nodes.size();
		long toSize = (to != null) ? to : latestSize();
		List<FieldError> errors = new ArrayList<>();
		requireTreeSize("to", toSize, size, errors);
		if (from < 1 || from > toSize) {
			errors.add(new FieldError("from", "must be at least 1 and at most " + toSize));
		}
		requireValid(errors);
		return new ConsistencyProof(from, toSize,
				base64(new MerkleTree(this.nodes, size).consistencyProof(from, toSize)));
	}

	private long latestSize() {
		return this.checkpoints.latest()
			.map(Checkpoint::treeSize)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No checkpoint has been signed yet"));
	}

	private static void requireTreeSize(String field, long treeSize, long size, List<FieldError> errors) {
		if (treeSize < 0 || treeSize > size) {
			errors.add(new FieldError(field, "must be between 0 and the log's size " + size));
		}
	}

	private static void requireValid(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new ProblemException(PlatformProblem.INVALID_REQUEST,
					Problems.invalid("No such proof in this log", errors));
		}
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
	}

	record InclusionProof(long leafIndex, long treeSize, List<String> auditPath) {
	}

	record ConsistencyProof(long from, long to, List<String> proof) {
	}

}
