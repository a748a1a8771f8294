package org.revcycle.coding.edits;

import org.revcycle.platform.engine.PolicyDecisions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The edit engine's parts that are plain classes, so tests and the benchmark build them without Spring. */
@Configuration
public class EditsConfiguration {

  @Bean
  ReferenceDataStore referenceDataStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
    return new ReferenceDataStore(jdbc, transactions);
  }

  @Bean
  PayerEditEngine payerEditEngine(PolicyDecisions decisions, ReferenceDataService reference) {
    return new PayerEditEngine(decisions, reference);
  }
}
