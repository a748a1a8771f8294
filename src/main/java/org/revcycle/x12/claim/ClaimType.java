package org.revcycle.x12.claim;

/** The two 837 guides revcycle speaks: the set's guide version (ST03/GS08) and its schema name. */
public enum ClaimType {
  /** 837P, the paper CMS-1500: SV1 lines, place of service in CLM05-1. */
  PROFESSIONAL("005010X222A1", "837P", "B"),
  /** 837I, the paper UB-04: SV2 lines, type of bill in CLM05-1 and CLM05-3. */
  INSTITUTIONAL("005010X223A2", "837I", "A");

  private final String guideVersion;
  private final String schemaName;
  private final String facilityCodeQualifier;

  ClaimType(String guideVersion, String schemaName, String facilityCodeQualifier) {
    this.guideVersion = guideVersion;
    this.schemaName = schemaName;
    this.facilityCodeQualifier = facilityCodeQualifier;
  }

  public String guideVersion() {
    return guideVersion;
  }

  public String schemaName() {
    return schemaName;
  }

  /** CLM05-2: B (place of service) for professional, A (bill type) for institutional. */
  public String facilityCodeQualifier() {
    return facilityCodeQualifier;
  }

  /** The type for a guide version as read from ST03 or GS08; null when it is not an 837 guide. */
  public static ClaimType forGuide(String guideVersion) {
    if (guideVersion == null) {
      return null;
    }
    if (guideVersion.startsWith("005010X222")) {
      return PROFESSIONAL;
    }
    if (guideVersion.startsWith("005010X223")) {
      return INSTITUTIONAL;
    }
    return null;
  }
}
