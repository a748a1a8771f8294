package org.revcycle.x12;

import io.xlate.edi.schema.EDISimpleType;
import io.xlate.edi.schema.EDIType;

/**
 * Plain words for a code, taken from the enumeration titles of the set's own schema, so the code
 * lists that validate a file and the words shown to a person come from one place.
 */
public final class X12Codes {

  private X12Codes() {}

  /**
   * The title of {@code code} in element type {@code elementType} (E717, E1390, ...) of schema
   * {@code schemaName}; "unknown code X" when the list does not have it, null when code is null.
   */
  public static String describe(String schemaName, String elementType, String code) {
    if (code == null || code.isEmpty()) {
      return null;
    }
    EDIType type = X12Schemas.named(schemaName).getType(elementType);
    if (type instanceof EDISimpleType simple) {
      String title = simple.getValues().get(code);
      if (title != null && !title.isEmpty()) {
        return title;
      }
    }
    return "unknown code " + code;
  }
}
