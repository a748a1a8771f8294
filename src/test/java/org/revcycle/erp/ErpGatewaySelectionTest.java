package org.revcycle.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.revcycle.ledger.GeneralLedger;
import org.revcycle.sandbox.SandboxGeneralLedger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** revcycle.erp.gateway picks the one GeneralLedger: the embedded one by default, the REST one when asked. */
class ErpGatewaySelectionTest {

  @Configuration
  @EnableConfigurationProperties(ErpProperties.class)
  @Import({RestGeneralLedger.class, SandboxGeneralLedger.class})
  static class Gateways {
    private final DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:erp-selection");

    @Bean
    ErpBatchRepository erpBatchRepository() {
      return new ErpBatchRepository(JdbcClient.create(h2), new DataSourceTransactionManager(h2));
    }

    @Bean
    ObjectMapper objectMapper() {
      return new ObjectMapper();
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Gateways.class);

  @Test
  void theEmbeddedLedgerIsTheDefault() {
    context.run(c -> assertThat(c.getBean(GeneralLedger.class)).isInstanceOf(SandboxGeneralLedger.class));
    context.withPropertyValues("revcycle.erp.gateway=ledger")
        .run(c -> assertThat(c.getBean(GeneralLedger.class)).isInstanceOf(SandboxGeneralLedger.class));
  }

  @Test
  void restIsChosenByConfigurationAndNeedsAnEndpoint() {
    context.withPropertyValues("revcycle.erp.gateway=rest", "revcycle.erp.rest.endpoint=https://erp.example/journal")
        .run(c -> assertThat(c.getBean(GeneralLedger.class)).isInstanceOf(RestGeneralLedger.class));
    context.withPropertyValues("revcycle.erp.gateway=rest")
        .run(c -> assertThat(c).hasFailed());
  }
}
