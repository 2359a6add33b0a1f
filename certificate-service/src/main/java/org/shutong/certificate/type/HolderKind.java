package org.shutong.certificate.type;

/**
 * Whom a certificate belongs to: a citizen (by resident ID number) or a legal entity (by
 * unified social credit code).
 */
public enum HolderKind {

	PERSON, ENTITY

}
