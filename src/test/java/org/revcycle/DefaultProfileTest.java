package org.revcycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default profile as the run command starts it (H2, demo users), on an in-memory H2 instead
 * of ./data so tests leave nothing behind. Proves the Flyway migrations run on H2 too.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:default-profile-test;DB_CLOSE_DELAY=-1",
      "revcycle.ehr.polling.enabled=false",
      "revcycle.sandbox.clearinghouse.directory=${java.io.tmpdir}/revcycle-default-profile-sftp-${random.uuid}"
    })
class DefaultProfileTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void startsOnH2WithTheDemoUsersOfTheReadme() {
    RestAssured.port = port;
    assertThat(jdbc.sql("select count(*) from ledger_account").query(Integer.class).single()).isPositive();
    String[][] demo = {
      {"admin", "ADMIN"}, {"billing", "BILLING_SPECIALIST"}, {"coder", "CODER"},
      {"denials", "DENIAL_ANALYST"}, {"finance", "FINANCE"}
    };
    for (String[] user : demo) {
      given().auth().preemptive().basic(user[0], user[0]).get("/api/me")
          .then().statusCode(200).body("roles[0]", equalTo(user[1]));
    }
  }
}
