package org.shutong.catalog.exchange;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a consumer gets for a query: the receipt to quote and the granted rows.
 */
public record QueryAnswer(String receiptId, String resourceCode, List<ObjectNode> data) {

}
