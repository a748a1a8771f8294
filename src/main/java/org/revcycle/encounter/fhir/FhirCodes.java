package org.revcycle.encounter.fhir;

import java.util.Set;

/**
 * The code systems and identifier systems revcycle reads an EHR's FHIR R4 resources by (US Core and
 * HL7 terminology), and the two revcycle extensions for what plain R4 has no element for.
 */
public final class FhirCodes {

  public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
  /** US employer identification number (tax id). */
  public static final String EIN = "urn:oid:2.16.840.1.113883.4.4";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String CPT = "http://www.ama-assn.org/go/cpt";
  public static final Set<String> HCPCS = Set.of("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
      "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets");
  public static final String HCPCS_SYSTEM = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
  public static final String REVENUE_CODE = "https://www.nubc.org/CodeSystem/RevenueCodes";
  public static final String PLACE_OF_SERVICE =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
  public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
  public static final String SUBSCRIBER_RELATIONSHIP = "http://terminology.hl7.org/CodeSystem/subscriber-relationship";
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  public static final String COVERAGE_CLASS = "http://terminology.hl7.org/CodeSystem/coverage-class";

  /** CPT/HCPCS modifier of a ChargeItem (R4 has no element for it): valueCode, repeating. */
  public static final String MODIFIER_EXTENSION = "http://revcycle.org/fhir/StructureDefinition/procedure-modifier";
  /** Prior authorization number of an Encounter: valueString. */
  public static final String PRIOR_AUTHORIZATION_EXTENSION =
      "http://revcycle.org/fhir/StructureDefinition/prior-authorization";

  private FhirCodes() {}
}
