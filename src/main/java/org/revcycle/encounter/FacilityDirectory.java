package org.revcycle.encounter;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Facilities of the master data, as EHR adapters look them up: by NPI (FHIR) or by id (HL7 PV1-3). */
@Repository
public class FacilityDirectory {

  public record KnownFacility(String id, String type, String npi, String taxId, String placeOfService) {}

  private final JdbcClient jdbc;

  public FacilityDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<KnownFacility> byNpi(String npi) {
    return jdbc.sql("select id, facility_type as type, npi, tax_id, place_of_service from facility where npi = ?")
        .param(npi).query(KnownFacility.class).optional();
  }

  public Optional<KnownFacility> byId(String id) {
    return jdbc.sql("select id, facility_type as type, npi, tax_id, place_of_service from facility where id = ?")
        .param(id).query(KnownFacility.class).optional();
  }
}
