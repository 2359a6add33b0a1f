package org.shutong.audit.log.web;

import java.util.Base64;

import org.shutong.audit.event.LoggedEvent;
import org.shutong.audit.event.LoggedEventRepository;
import org.shutong.audit.tree.MerkleHash;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exact bytes of a leaf, whose hash is in the tree: what an auditor needs to check an
 * event against an inclusion proof. Leaves hold who did what, so only auditors read them.
 */
@RestController
class LeafController {

	private final LoggedEventRepository events;

	LeafController(LoggedEventRepository events) {
		this.events = events;
	}

	@GetMapping("/api/audit/leaves/{index}")
	@PreAuthorize("hasRole('AUDITOR')")
	LeafView leaf(@PathVariable long index) {
		LoggedEvent event = this.events.findById(index)
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No leaf at index " + index));
		byte[] leaf = event.leaf();
		return new LeafView(index, Base64.getEncoder().encodeToString(leaf),
				Base64.getEncoder().encodeToString(MerkleHash.leaf(leaf)));
	}

	record LeafView(long leafIndex, String leaf, String leafHash) {
	}

}
