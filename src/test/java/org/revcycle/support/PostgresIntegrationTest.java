package org.revcycle.support;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on the postgres profile, against a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
public abstract class PostgresIntegrationTest {

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    // the same variables an operator sets for the postgres profile (see application.yaml)
    registry.add("REVCYCLE_DB_URL", EmbeddedPostgres::jdbcUrl);
    registry.add("REVCYCLE_DB_USER", () -> "postgres");
    registry.add("REVCYCLE_DB_PASSWORD", () -> "postgres");
  }

  @BeforeEach
  void restAssured() {
    RestAssured.port = port;
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }
}
