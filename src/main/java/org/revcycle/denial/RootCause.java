package org.revcycle.denial;

/** Why a payer denied a claim, in the categories a denial management team reports and fixes upstream. */
public enum RootCause {
  REGISTRATION_ELIGIBILITY("Registration / eligibility"),
  AUTHORIZATION("Authorization"),
  CODING("Coding"),
  MEDICAL_NECESSITY("Medical necessity"),
  TIMELY_FILING("Timely filing"),
  DUPLICATE("Duplicate"),
  COORDINATION_OF_BENEFITS("Coordination of benefits"),
  MISSING_INFORMATION("Missing information"),
  NON_COVERED("Non-covered service");

  private final String label;

  RootCause(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
