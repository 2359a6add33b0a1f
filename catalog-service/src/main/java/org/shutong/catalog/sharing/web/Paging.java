package org.shutong.catalog.sharing.web;

final class Paging {

	/** Keeps page × size within the int offset the database query takes. */
	static final int MAX_PAGE = 1_000_000;

	private Paging() {
	}

}
