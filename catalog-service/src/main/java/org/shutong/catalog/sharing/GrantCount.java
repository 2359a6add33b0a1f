package org.shutong.catalog.sharing;

/**
 * How many grants between two departments for one resource were active in a period.
 */
public record GrantCount(String providerCode, String consumerCode, String resourceCode, long count) {

}
