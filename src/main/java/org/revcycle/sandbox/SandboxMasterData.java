package org.revcycle.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the sandbox network's facilities, payers and providers into master data, once. */
@Component
@ConditionalOnProperty(name = "revcycle.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxMasterData {

  private final SandboxNetwork network;
  private final JdbcClient jdbc;

  public SandboxMasterData(SandboxNetwork network, JdbcClient jdbc) {
    this.network = network;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Transactional
  public void load() {
    for (SandboxNetwork.Facility f : network.facilities()) {
      if (jdbc.sql("select count(*) from facility where id = ?").param(f.id()).query(Integer.class).single() == 0) {
        jdbc.sql("""
            insert into facility (id, name, facility_type, npi, tax_id, place_of_service, city, state)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(f.id(), f.name(), f.type().name(), f.npi(), f.taxId(), f.placeOfService(), f.city(), f.state())
            .update();
      }
    }
    for (SandboxNetwork.Payer p : network.payers()) {
      if (jdbc.sql("select count(*) from payer where id = ?").param(p.id()).query(Integer.class).single() == 0) {
        jdbc.sql("""
            insert into payer (id, name, payer_class, timely_filing_days, member_id_pattern) values (?, ?, ?, ?, ?)""")
            .params(p.id(), p.name(), p.payerClass().name(), p.timelyFilingDays(), p.memberIdPattern())
            .update();
      }
    }
    for (SandboxNetwork.Provider p : network.providers()) {
      if (jdbc.sql("select count(*) from provider where npi = ?").param(p.npi()).query(Integer.class).single() == 0) {
        jdbc.sql("insert into provider (npi, name, taxonomy_code, facility_id) values (?, ?, ?, ?)")
            .params(p.npi(), p.name(), p.taxonomyCode(), p.facilityId())
            .update();
      }
    }
  }
}
