package org.revcycle.sandbox;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The sandbox's network, payers and EHR generator; the adapters pick them up. */
@Configuration
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxConfiguration {

  @Bean
  SandboxNetwork sandboxNetwork() {
    return new SandboxNetwork();
  }

  @Bean
  SandboxPayers sandboxPayers(SandboxNetwork network, SandboxProperties properties,
      @Value("${revcycle.sandbox.other-coverage-rate:0.02}") double otherCoverageRate) {
    return new SandboxPayers(network, properties.seed(), new SandboxPayers.Probabilities(properties.denialRate(),
        properties.frontEndRejectionRate(), otherCoverageRate));
  }

  /** Whether the sandbox clearinghouse's real-time endpoint is down; tests switch it. */
  @Bean
  SandboxOutage sandboxOutage(SandboxRealTimeProperties properties) {
    return new SandboxOutage(properties.outage());
  }

  /**
   * The sandbox clearinghouse's real-time endpoint checks its own submitter account (as a real
   * clearinghouse does), not revcycle's users: its own filter chain, before the API's, with no
   * HTTP basic against the identity store.
   */
  @Bean
  @Order(0)
  SecurityFilterChain sandboxClearinghouseSecurityFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/sandbox/clearinghouse/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  SandboxEhr sandboxEhr(SyntheticEncounters encounters, SandboxProperties properties, SandboxNetwork network,
      Clock clock) {
    return new SandboxEhr(encounters, properties, network, clock);
  }

  /** The sandbox EHR's FHIR server, in this application, as a real EHR's would be elsewhere. */
  @Bean
  ServletRegistrationBean<SandboxFhirServer> sandboxFhirServlet(FhirContext fhirContext, SandboxEhr ehr) {
    ServletRegistrationBean<SandboxFhirServer> registration =
        new ServletRegistrationBean<>(new SandboxFhirServer(fhirContext, ehr), SandboxFhirServer.PATH + "/*");
    registration.setName("sandbox-fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * Seeded by the configured seed and how many sandbox encounters the database already holds, so
   * a restart continues with new encounters instead of replaying the ones already taken in.
   */
  @Bean
  SyntheticEncounters syntheticEncounters(SandboxNetwork network, SandboxProperties properties, JdbcClient jdbc,
      Clock clock) {
    long existing = jdbc.sql("select count(*) from encounter where source_system = ?")
        .param(SyntheticEncounters.SOURCE_SYSTEM).query(Long.class).single();
    return new SyntheticEncounters(network, properties.seed() + existing, clock,
        properties.registrationDefectRate(), properties.codingDefectRate());
  }
}
