package org.revcycle.x12.claim;

/** N3 and N4: street lines, city, state, postal code. */
public record Address(String line1, String line2, String city, String state, String postalCode) {

  public static Address of(String line1, String city, String state, String postalCode) {
    return new Address(line1, null, city, state, postalCode);
  }

  @Override
  public String toString() {
    return "Address[state=" + state + "]";
  }
}
