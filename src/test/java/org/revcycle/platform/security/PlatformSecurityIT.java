package org.revcycle.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.support.PostgresIntegrationTest;

/** Who may reach what, on /api, /engine-rest and the webapps: 401 for anonymous, 403 for a wrong role. */
class PlatformSecurityIT extends PostgresIntegrationTest {

  private static final String PROBLEM_JSON = "application/problem+json";

  @Test
  void healthIsTheOnlyOpenEndpoint() {
    given().get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
    for (String path : List.of("/api/me", "/api/ledger/accounts", "/v3/api-docs", "/actuator/metrics", "/anything")) {
      given().get(path).then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Basic"));
    }
  }

  @Test
  void wrongCredentialsGet401ProblemOnApi() {
    given().auth().preemptive().basic("lockout", "not-the-password").get("/api/me")
        .then().statusCode(401).contentType(PROBLEM_JSON).body("status", equalTo(401));
    given().auth().preemptive().basic("nobody", "x").get("/api/me").then().statusCode(401);
  }

  @Test
  void apiRolesComeFromCamundaGroups() {
    given().auth().preemptive().basic("billing", "it-billing").get("/api/me")
        .then().statusCode(200).body("userId", equalTo("billing")).body("roles", equalTo(List.of("BILLING_SPECIALIST")));
    given().auth().preemptive().basic("billing", "it-billing").get("/api/ledger/trial-balance")
        .then().statusCode(403).contentType(PROBLEM_JSON).body("detail", containsString("/api/ledger/trial-balance"));
    given().auth().preemptive().basic("finance", "it-finance").get("/api/ledger/trial-balance")
        .then().statusCode(200).body("rows.account.code", hasItem("1110"));
    // only finance posts manual entries; an administrator may read but not post
    given().auth().preemptive().basic("admin", "it-admin").contentType("application/json").header("Idempotency-Key", "x")
        .body("{\"entryDate\":\"2026-11-02\",\"description\":\"d\",\"reference\":\"r\","
            + "\"lines\":[{\"accountCode\":\"1120\",\"debit\":1},{\"accountCode\":\"4130\",\"credit\":1}]}")
        .post("/api/ledger/journal-entries").then().statusCode(403);
    given().auth().preemptive().basic("admin", "it-admin").get("/v3/api-docs").then().statusCode(200);
    given().auth().preemptive().basic("billing", "it-billing").get("/actuator/metrics").then().statusCode(403);
  }

  @Test
  void unknownRoutesAreProblemsNotPages() {
    given().auth().preemptive().basic("billing", "it-billing").get("/api/no-such-thing")
        .then().statusCode(404).contentType(PROBLEM_JSON).body("instance", equalTo("/api/no-such-thing"));
  }

  @Test
  void engineRestNeedsAuthenticationAndHonoursCamundaAuthorizations() {
    given().get("/engine-rest/task").then().statusCode(401);
    given().auth().preemptive().basic("lockout", "wrong").get("/engine-rest/deployment").then().statusCode(401);

    File bpmn = new File("processes/registration-check.bpmn");
    given().auth().preemptive().basic("billing", "it-billing")
        .multiPart("deployment-name", "billing-tries").multiPart("data", bpmn)
        .post("/engine-rest/deployment/create")
        .then().statusCode(403).body("type", equalTo("AuthorizationException"));
    given().auth().preemptive().basic("admin", "it-admin")
        .multiPart("deployment-name", "admin-deploys").multiPart("data", bpmn)
        .multiPart("enable-duplicate-filtering", "true")
        .post("/engine-rest/deployment/create")
        .then().statusCode(200);
  }

  @Test
  void webappsLetEachRoleIntoItsAppsOnly() {
    webappLogin("billing", "it-billing", "tasklist").then().statusCode(200)
        .body("authorizedApps", equalTo(List.of("tasklist", "welcome")));
    webappLogin("billing", "it-billing", "admin").then().statusCode(403);
    webappLogin("billing", "it-billing", "cockpit").then().statusCode(403);
    webappLogin("admin", "it-admin", "admin").then().statusCode(200).body("authorizedApps", hasItem("cockpit"));
    webappLogin("lockout", "wrong", "tasklist").then().statusCode(401);

    given().get("/camunda/api/engine/engine/default/task/count").then().statusCode(401);

    // the first-user setup page must never let a stranger create an administrator
    CookieFilter cookies = new CookieFilter();
    String csrf = given().filter(cookies).get("/camunda/app/admin/").then().extract().cookie("XSRF-TOKEN");
    given().filter(cookies).header("X-XSRF-TOKEN", csrf).contentType("application/json")
        .body("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},"
            + "\"credentials\":{\"password\":\"intruder-pass-1\"}}")
        .post("/camunda/api/admin/setup/default/user/create")
        .then().statusCode(403);
    given().auth().preemptive().basic("intruder", "intruder-pass-1").get("/api/me").then().statusCode(401);
  }

  @Test
  void webappSessionReachesTheEngineAsThatUser() {
    CookieFilter cookies = new CookieFilter();
    String csrf = given().filter(cookies).get("/camunda/app/tasklist/").then().statusCode(200)
        .extract().cookie("XSRF-TOKEN");
    given().filter(cookies).header("X-XSRF-TOKEN", csrf)
        .formParam("username", "billing").formParam("password", "it-billing")
        .post("/camunda/api/admin/auth/user/default/login/tasklist").then().statusCode(200);
    given().filter(cookies).header("X-XSRF-TOKEN", csrf).get("/camunda/api/engine/engine/default/task/count")
        .then().statusCode(200);
    // the session is billing's: Camunda's authorizations apply, and billing may read no deployment
    given().filter(cookies).header("X-XSRF-TOKEN", csrf).get("/camunda/api/engine/engine/default/deployment/count")
        .then().statusCode(200).body("count", equalTo(0));
    given().auth().preemptive().basic("admin", "it-admin").get("/engine-rest/deployment/count")
        .then().statusCode(200).body("count", greaterThan(0));
  }

  private Response webappLogin(String user, String password, String app) {
    CookieFilter cookies = new CookieFilter();
    String csrf = given().filter(cookies).get("/camunda/app/" + app + "/").then().statusCode(200)
        .extract().cookie("XSRF-TOKEN");
    return given().filter(cookies).header("X-XSRF-TOKEN", csrf)
        .formParam("username", user).formParam("password", password)
        .post("/camunda/api/admin/auth/user/default/login/" + app);
  }
}
