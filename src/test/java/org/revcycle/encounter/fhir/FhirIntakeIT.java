package org.revcycle.encounter.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.EhrCatchUp;
import org.revcycle.sandbox.SandboxEhr;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR R4 path over HTTP: the sandbox EHR's FHIR server (/sandbox/fhir) holds the encounter,
 * revcycle's FHIR client reads it when notified (rest-hook) or when it polls (_lastUpdated).
 */
class FhirIntakeIT extends PostgresIntegrationTest {

  @Autowired SandboxEhr sandboxEhr;
  @Autowired EhrCatchUp catchUp;
  @Autowired JdbcClient jdbc;
  @Autowired FhirContext fhir;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  private static final String ATTENDING_NPI = new SandboxNetwork().providersAt("C07").get(0).npi();

  /** A clinic visit with clean registration: CMA coverage of the patient herself. */
  static ClosedEncounter clinicVisit(String relationship, ClosedEncounter.Subscriber subscriber) {
    String id = "FHIR-" + UUID.randomUUID().toString().substring(0, 13);
    LocalDate dos = LocalDate.now().minusDays(2);
    return new ClosedEncounter("sandbox-ehr", id, "C07", ClosedEncounter.EncounterClass.AMBULATORY, dos, null,
        new ClosedEncounter.Patient("MRN-" + id, "Testperson", "Alex", LocalDate.of(1961, 5, 14), "F", "12 Main St",
            "Dublin", "OH", "43017"),
        new ClosedEncounter.Coverage("CMA", "LMH123456781", "G123456", relationship, dos.minusYears(1), null, subscriber),
        ATTENDING_NPI, null, List.of("E11.9", "I10"),
        List.of(new ClosedEncounter.Charge("99214", List.of("25"), null, BigDecimal.ONE, new BigDecimal("185.00"), dos),
            new ClosedEncounter.Charge("80053", null, null, BigDecimal.ONE, new BigDecimal("64.50"), dos)));
  }

  private static Response notify(String body) {
    return given().auth().preemptive().basic("ehr", "it-ehr").contentType("application/fhir+json").body(body)
        .post("/api/fhir/encounter-notifications");
  }

  private static String idOnly(String encounterId) {
    return "{\"resourceType\":\"Encounter\",\"id\":\"" + encounterId + "\",\"status\":\"finished\"}";
  }

  private int claimsFor(String encounterId) {
    return jdbc.sql("""
        select count(*) from claim c join encounter e on e.id = c.encounter_id
        where e.source_system = 'sandbox-ehr' and e.source_id = ?""").param(encounterId).query(Integer.class).single();
  }

  private List<String> findings(String encounterId) {
    return jdbc.sql("""
        select f.field from encounter_finding f join encounter e on e.id = f.encounter_id
        where e.source_id = ? order by f.sequence""").param(encounterId).query(String.class).list();
  }

  @Test
  void aNotifiedEncounterIsReadOverHttpWithEverythingItReferencesAndStartsOneClaim() {
    ClosedEncounter visit = clinicVisit("SELF", null);
    String id = sandboxEhr.close(visit);

    notify(idOnly(id)).then().statusCode(200).contentType(containsString("application/fhir+json"))
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].severity", equalTo("information"))
        .body("issue[0].diagnostics", containsString("taken in as claim RC"));

    Map<String, Object> claim = jdbc.sql("""
        select c.payer_id, c.member_id, c.subscriber_relationship, c.total_charge, c.claim_type, e.facility_id,
          e.rendering_npi, e.encounter_class, p.birth_date, p.postal_code
        from claim c join encounter e on e.id = c.encounter_id join patient p on p.id = e.patient_id
        where e.source_id = ?""").param(id).query().singleRow();
    assertThat(claim).containsEntry("payer_id", "CMA").containsEntry("member_id", "LMH123456781")
        .containsEntry("subscriber_relationship", "SELF").containsEntry("facility_id", "C07")
        .containsEntry("claim_type", "PROFESSIONAL").containsEntry("encounter_class", "AMBULATORY")
        .containsEntry("postal_code", "43017");
    assertThat((BigDecimal) claim.get("total_charge")).isEqualByComparingTo("249.50");
    assertThat(jdbc.sql("""
        select l.procedure_code || ':' || coalesce(l.modifiers, '') from claim_line l join claim c on c.id = l.claim_id
        join encounter e on e.id = c.encounter_id where e.source_id = ? order by l.line_number""")
        .param(id).query(String.class).list()).containsExactly("99214:25", "80053:");
    assertThat(jdbc.sql("""
        select d.code from claim_diagnosis d join claim c on c.id = d.claim_id join encounter e on e.id = c.encounter_id
        where e.source_id = ? order by d.sequence""").param(id).query(String.class).list()).containsExactly("E11.9", "I10");
    assertThat(findings(id)).isEmpty();
    // what was read is kept as received: the Encounter and its resources, as one Bundle
    assertThat(jdbc.sql("select payload from inbound_message where channel = 'fhir/notification' and source_key = ?")
        .param("sandbox-ehr/" + id).query(String.class).single())
        .contains("\"resourceType\":\"Bundle\"", "\"ChargeItem\"", "\"Coverage\"", "\"Practitioner\"");

    notify(idOnly(id)).then().statusCode(200).body("issue[0].diagnostics", containsString("already taken in"));
    assertThat(claimsFor(id)).isEqualTo(1);
  }

  @Test
  void pollingByLastUpdatedTakesInWhatNoNotificationAnnounced() {
    String first = sandboxEhr.close(clinicVisit("SELF", null));
    String second = sandboxEhr.close(clinicVisit("SELF", null));

    assertThat(catchUp.run()).isGreaterThanOrEqualTo(2);
    assertThat(claimsFor(first)).isEqualTo(1);
    assertThat(claimsFor(second)).isEqualTo(1);

    // the position moved on: the next poll looks at the newest only, and takes nothing in twice
    int claims = jdbc.sql("select count(*) from claim").query(Integer.class).single();
    catchUp.run();
    assertThat(jdbc.sql("select count(*) from claim").query(Integer.class).single()).isEqualTo(claims);
    assertThat(jdbc.sql("select count(*) from ehr_cursor where source_system = 'sandbox-ehr'").query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void anEmptyNotificationCatchesUpWithTheEhr() {
    String id = sandboxEhr.close(clinicVisit("SELF", null));

    notify("").then().statusCode(200).body("issue[0].diagnostics", containsString("caught up"));

    assertThat(claimsFor(id)).isEqualTo(1);
  }

  @Test
  void contradictoryCoverageIsTakenInAndNamedForRegistrationNotThrown() {
    ClosedEncounter visit = clinicVisit("SELF", null);
    String id = sandboxEhr.close(visit);
    // the EHR's coverage is another patient's, and its subscriber someone else while the relationship says self
    Patient other = new Patient();
    other.setId("MRN-OTHER-" + id);
    sandboxEhr.store(other);
    Coverage wrong = new Coverage();
    wrong.setId("cov-" + id);
    wrong.setStatus(Coverage.CoverageStatus.ACTIVE);
    wrong.setBeneficiary(new Reference("Patient/" + other.getIdPart()));
    wrong.setSubscriber(new Reference("Patient/" + other.getIdPart()));
    wrong.setSubscriberId("LMH123456781");
    wrong.addPayor(new Reference("Organization/payer-CMA"));
    wrong.setRelationship(new CodeableConcept(new Coding(FhirCodes.SUBSCRIBER_RELATIONSHIP, "self", null)));
    sandboxEhr.store(wrong);
    // and the patient's birth date is gone
    Patient patient = new Patient();
    patient.setId(visit.patient().mrn());
    patient.addName().setFamily("Testperson").addGiven("Alex");
    patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
    sandboxEhr.store(patient);

    notify(idOnly(id)).then().statusCode(200).body("issue[0].diagnostics", containsString("taken in as claim"));

    assertThat(claimsFor(id)).isEqualTo(1);
    assertThat(findings(id)).contains("patient.birthDate", "coverage.beneficiary", "coverage.relationship");
    // and the registration check makes a task of them, in words
    String pcn = jdbc.sql("select c.patient_control_number from claim c join encounter e on e.id = c.encounter_id "
        + "where e.source_id = ?").param(id).query(String.class).single();
    await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(pcn).count() == 1);
    org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceBusinessKey(pcn).singleResult();
    assertThat((String) runtimeService.getVariable(task.getExecutionId(), "registrationProblems"))
        .contains("coverage.beneficiary: The coverage on the encounter belongs to another patient",
            "patient.birthDate: The patient's birth date is missing");
  }

  @Test
  void aBundleCarryingTheEncounterAndItsResourcesIsTakenInFromTheBundleAlone() {
    ClosedEncounter visit = clinicVisit("CHILD",
        new ClosedEncounter.Subscriber("Testperson", "Jordan", LocalDate.of(1935, 2, 3), "M"));
    String id = sandboxEhr.close(visit);
    Bundle bundle = bundleOf(id);

    notify(fhir.newJsonParser().encodeResourceToString(bundle)).then().statusCode(200)
        .body("issue[0].diagnostics", containsString("taken in as claim"));

    assertThat(claimsFor(id)).isEqualTo(1);
    assertThat(jdbc.sql("select subscriber_given_name from encounter where source_id = ?").param(id)
        .query(String.class).single()).isEqualTo("Jordan");
  }

  @Test
  void aBundleWithADanglingReferenceIsRefusedWithAnOperationOutcomeAndKept() {
    String id = sandboxEhr.close(clinicVisit("SELF", null));
    Bundle bundle = bundleOf(id);
    bundle.getEntry().removeIf(e -> e.getResource() instanceof org.hl7.fhir.r4.model.Practitioner);
    String body = fhir.newJsonParser().encodeResourceToString(bundle);

    notify(body).then().statusCode(422)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue.severity", hasItem("error"))
        .body("issue.diagnostics", hasItem(containsString("reference Practitioner/pr-" + ATTENDING_NPI + " is not in the Bundle")))
        .body("issue[0].expression[0]", containsString("(Encounter/" + id + ")"));

    assertThat(claimsFor(id)).isZero();
    assertThat(jdbc.sql("select status from inbound_message where channel = 'fhir/notification' and payload = ?")
        .param(body).query(String.class).single()).isEqualTo("REJECTED");
  }

  @Test
  void malformedJsonIsRefusedWithAnOperationOutcomeAndKept() {
    String body = "{\"resourceType\":\"Encounter\",\"id\":\"X1\",\"status\": finished}";

    notify(body).then().statusCode(400)
        .body("resourceType", equalTo("OperationOutcome"))
        .body("issue[0].severity", equalTo("error"))
        .body("issue[0].code", equalTo("structure"))
        .body("issue[0].diagnostics", containsString("not a FHIR R4 JSON resource"));

    assertThat(jdbc.sql("select error from inbound_message where channel = 'fhir/notification' and payload = ?")
        .param(body).query(String.class).single()).contains("body");
  }

  @Test
  void notificationsNeedTheIntegrationRole() {
    given().contentType("application/fhir+json").body(idOnly("X")).post("/api/fhir/encounter-notifications")
        .then().statusCode(401);
    given().auth().preemptive().basic("billing", "it-billing").contentType("application/fhir+json").body(idOnly("X"))
        .post("/api/fhir/encounter-notifications").then().statusCode(403);
  }

  /** The encounter and everything it references, read from the sandbox's FHIR server as a Bundle. */
  private Bundle bundleOf(String encounterId) {
    var client = fhir.newRestfulGenericClient("http://localhost:" + port + "/sandbox/fhir");
    client.registerInterceptor(new ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor("ehr", "it-ehr"));
    EncounterGraph graph = FhirEncounterReader.read(
        client.read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(encounterId).execute(),
        new ServerResources(client));
    Bundle bundle = graph.asBundle();
    bundle.setType(Bundle.BundleType.COLLECTION);
    // an Account is referenced by the encounter: carry it too
    List<Resource> extra = List.of(client.read().resource(org.hl7.fhir.r4.model.Account.class)
        .withId("acct-" + encounterId).execute());
    extra.forEach(r -> bundle.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r));
    return bundle;
  }
}
