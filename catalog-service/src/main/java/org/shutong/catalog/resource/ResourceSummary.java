package org.shutong.catalog.resource;

/**
 * What a catalogue listing shows of a resource: its newest version's identity and
 * grading, without the items and the provider's endpoint.
 *
 * @param provider the credit code of the providing department
 */
public record ResourceSummary(String code, int version, String name, String provider, String category,
		short securityLevel, SharingType sharingType) {

}
