package org.revcycle.masterdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revcycle.support.PostgresIntegrationTest;

/** The master data API: read by the office, changed by administrators, every change audited, bad input named. */
class MasterDataIT extends PostgresIntegrationTest {

  private static Map<String, Object> payer(int timelyFilingDays) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", "Heartland Benefit Administrators");
    p.put("payerClass", "COMMERCIAL");
    p.put("timelyFilingDays", timelyFilingDays);
    p.put("memberIdPattern", "HBA[0-9]{8}");
    p.put("claimTypes", "PROFESSIONAL");
    p.put("ediPayerId", "87726");
    p.put("connectivity", "CLEARINGHOUSE");
    p.put("realTimeEligibility", true);
    p.put("active", true);
    return p;
  }

  @Test
  void anAdministratorCreatesAndChangesAPayerAndTheAuditShowsWhoChangedWhat() {
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").body(payer(120))
        .put("/api/master-data/payers/HBA").then().statusCode(201)
        .header("Location", containsString("/api/master-data/payers/HBA"));
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").body(payer(90))
        .put("/api/master-data/payers/HBA").then().statusCode(200).body("timelyFilingDays", equalTo(90));

    given().auth().preemptive().basic("billing", "it-billing").get("/api/master-data/payers/HBA")
        .then().statusCode(200).body("claimTypes", equalTo("PROFESSIONAL")).body("ediPayerId", equalTo("87726"));
    given().auth().preemptive().basic("billing", "it-billing").get("/api/master-data/payers/HBA/changes")
        .then().statusCode(200).body("", hasSize(2))
        .body("[0].action", equalTo("CREATE")).body("[0].changedBy", equalTo("admin"))
        .body("[1].action", equalTo("UPDATE"))
        .body("[1].beforeJson", containsString("\"timelyFilingDays\":120"))
        .body("[1].afterJson", containsString("\"timelyFilingDays\":90"));
    // the sandbox network's payers are there too, with their connectivity
    given().auth().preemptive().basic("finance", "it-finance").get("/api/master-data/payers")
        .then().statusCode(200).body("CMA.connectivity", equalTo("CLEARINGHOUSE"));
  }

  @Test
  void onlyAdministratorsChangeMasterData() {
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/json").body(payer(90))
        .put("/api/master-data/payers/NOPE").then().statusCode(403);
    given().auth().preemptive().basic("billing", "it-billing").get("/api/master-data/payers/NOPE").then().statusCode(404);
  }

  @Test
  void badMasterDataIsRefusedNamingTheFieldAndChangesNothing() {
    Map<String, Object> badPattern = payer(90);
    badPattern.put("memberIdPattern", "HBA[0-9");
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").body(badPattern)
        .put("/api/master-data/payers/HBB").then().statusCode(400)
        .contentType(containsString("application/problem+json")).body("field", equalTo("memberIdPattern"));

    Map<String, Object> facility = new HashMap<>(Map.of("name", "Kestrel Valley Urgent Care", "facilityType", "CLINIC",
        "npi", "1234567890", "taxId", "311234567", "placeOfService", "20", "active", true));
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").body(facility)
        .put("/api/master-data/facilities/U01").then().statusCode(400).body("field", equalTo("npi"));
    facility.put("npi", "1234567893");
    facility.put("placeOfService", "urgent");
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").body(facility)
        .put("/api/master-data/facilities/U01").then().statusCode(400).body("errors[0].field", equalTo("placeOfService"));

    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body(Map.of("name", "Dr. Nobody", "facilityId", "X99", "active", true))
        .put("/api/master-data/providers/1234567893").then().statusCode(400).body("field", equalTo("facilityId"));

    given().auth().preemptive().basic("admin", "it-admin").get("/api/master-data/payers/HBB").then().statusCode(404);
    given().auth().preemptive().basic("admin", "it-admin").get("/api/master-data/facilities/U01").then().statusCode(404);
    given().auth().preemptive().basic("admin", "it-admin").get("/api/master-data/providers/1234567893/changes")
        .then().statusCode(200).body("", hasSize(0));
  }

  @Test
  void aProviderAddedToMasterDataIsKnownToRegistration() {
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json")
        .body(Map.of("name", "Morgan Reyes, MD", "taxonomyCode", "207Q00000X", "facilityId", "C07", "active", true))
        .put("/api/master-data/providers/1992999999").then().statusCode(201);
    given().auth().preemptive().basic("coder", "it-coder").get("/api/master-data/providers/1992999999")
        .then().statusCode(200).body("facilityId", equalTo("C07")).body("name", notNullValue());
  }
}
