package org.revcycle.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Encounters for the integration tests, as an EHR posts them to /api/encounters. */
public final class TestEncounters {

  private TestEncounters() {}

  /**
   * A clinic visit (C07, CMA, one 99214) that the sandbox payer denies with the given CARC: its
   * prior authorization is the sandbox's test value SANDBOX-DENY-&lt;carc&gt;.
   */
  public static Map<String, Object> deniedClinicVisit(String carc, String memberId, String amount) {
    Map<String, Object> e = new HashMap<>();
    e.put("sourceSystem", "it-ehr");
    e.put("sourceId", "ENC-" + UUID.randomUUID());
    e.put("facilityId", "C07");
    e.put("encounterClass", "AMBULATORY");
    e.put("serviceDate", LocalDate.now().minusDays(3).toString());
    e.put("patient", Map.of("mrn", "MRN-" + UUID.randomUUID().toString().substring(0, 8), "familyName", "Testperson",
        "givenName", "Alex", "birthDate", "1961-05-14", "sex", "F", "state", "OH", "postalCode", "43004"));
    e.put("coverage", Map.of("payerId", "CMA", "memberId", memberId, "relationship", "SELF"));
    e.put("diagnoses", List.of("E11.9", "I10"));
    e.put("charges", List.of(Map.of("procedureCode", "99214", "units", 1, "amount", amount)));
    e.put("priorAuthorization", "SANDBOX-DENY-" + carc);
    return e;
  }
}
