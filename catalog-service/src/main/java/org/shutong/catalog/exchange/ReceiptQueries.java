package org.shutong.catalog.exchange;

import org.shutong.catalog.sharing.SharingService;
import org.shutong.platform.problem.PlatformProblem;
import org.shutong.platform.problem.ProblemException;
import org.shutong.platform.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts as their consumer department reads them; another department's receipt is not
 * found, as if it did not exist.
 */
@Service
public class ReceiptQueries {

	private final ReceiptRepository receipts;

	ReceiptQueries(ReceiptRepository receipts) {
		this.receipts = receipts;
	}

	@Transactional(readOnly = true)
	public Receipt receipt(Caller caller, String id) {
		String department = SharingService.department(caller);
		return this.receipts.findById(id)
			.filter((receipt) -> department.equals(receipt.consumerCode()))
			.orElseThrow(() -> new ProblemException(PlatformProblem.NOT_FOUND, "No receipt " + id + "."));
	}

}
