package org.revcycle.x12.claim;

import java.util.List;

/** C003: qualifier (HC for CPT/HCPCS, ER, IV, WK), the code, up to four modifiers, a description. */
public record Procedure(String qualifier, String code, List<String> modifiers, String description) {

  public Procedure {
    modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
  }

  public static Procedure hcpcs(String code, String... modifiers) {
    return new Procedure("HC", code, List.of(modifiers), null);
  }
}
