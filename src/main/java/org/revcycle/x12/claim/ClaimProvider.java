package org.revcycle.x12.claim;

import java.util.List;

/**
 * A provider or place named on a claim or line (loops 2310x and 2420x) by its NM101 role:
 * 71 attending, 72 operating, ZZ other operating, 82 rendering, DN referring, P3 primary care,
 * DQ supervising, DK ordering, 77 service facility, PW ambulance pick-up, 45 drop-off.
 */
public record ClaimProvider(
    String role,
    PartyName name,
    String npi,
    String taxonomy,
    Address address,
    List<ReferenceId> secondaryIds) {

  public static final String ATTENDING = "71";
  public static final String OPERATING = "72";
  public static final String RENDERING = "82";
  public static final String REFERRING = "DN";
  public static final String SERVICE_FACILITY = "77";

  public ClaimProvider {
    secondaryIds = secondaryIds == null ? List.of() : List.copyOf(secondaryIds);
  }

  public static ClaimProvider of(String role, PartyName name, String npi) {
    return new ClaimProvider(role, name, npi, null, null, List.of());
  }
}
