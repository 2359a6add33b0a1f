package org.shutong.catalog.resource;

import java.time.Instant;

/**
 * One version of a resource as its history lists it.
 */
public record ResourceVersion(int version, ResourceStatus status, String name, Instant createdAt) {

}
