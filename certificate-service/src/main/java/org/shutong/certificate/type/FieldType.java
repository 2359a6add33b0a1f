package org.shutong.certificate.type;

/**
 * The type of value a surface field holds.
 */
public enum FieldType {

	TEXT, DATE, NUMBER, IMAGE

}
