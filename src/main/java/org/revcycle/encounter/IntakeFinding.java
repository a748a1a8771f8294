package org.revcycle.encounter;

/**
 * Something an EHR adapter found missing or contradictory while mapping an encounter (a Coverage
 * for another patient, a practitioner without an NPI). The encounter is taken in all the same; the
 * registration check lists the finding as a problem for a billing specialist to resolve.
 *
 * @param field where, in the terms of {@link ClosedEncounter} (coverage.relationship, patient.birthDate)
 * @param message what is wrong, in plain words, without patient data
 */
public record IntakeFinding(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
