package org.revcycle.masterdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.revcycle.masterdata.MasterDataRecords.Change;
import org.revcycle.masterdata.MasterDataRecords.Facility;
import org.revcycle.masterdata.MasterDataRecords.Payer;
import org.revcycle.masterdata.MasterDataRecords.Provider;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payers, facilities and providers: read, created and changed, each change recorded with who made
 * it and the record before and after, in the same transaction as the change.
 */
@Service
public class MasterData {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  public MasterData(JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** Whether a save created the record or changed it. */
  public record Saved<T>(T record, boolean created) {}

  // ---- payers ----

  public Map<String, Payer> payers() {
    return jdbc.sql(PAYER_SELECT + " order by id").query((rs, n) -> Map.entry(rs.getString("id"), payer(rs))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  public Optional<Payer> payer(String id) {
    return jdbc.sql(PAYER_SELECT + " where id = ?").param(id).query((rs, n) -> payer(rs)).optional();
  }

  @Transactional
  public Saved<Payer> savePayer(String id, Payer p, String user) {
    requireId(id, "[A-Z0-9]{1,32}", "must be 1 to 32 capital letters or digits");
    if (p.memberIdPattern() != null) {
      try {
        Pattern.compile(p.memberIdPattern());
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException("memberIdPattern", "is not a valid regular expression: " + e.getDescription());
      }
    }
    Optional<Payer> before = payer(id);
    if (before.isEmpty()) {
      jdbc.sql("""
          insert into payer (id, name, payer_class, timely_filing_days, member_id_pattern, claim_types, edi_payer_id,
            connectivity, real_time_eligibility, active) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, p.name(), p.payerClass(), p.timelyFilingDays(), p.memberIdPattern(), p.claimTypes(),
              p.ediPayerId(), p.connectivity(), p.realTimeEligibility(), p.active())
          .update();
    } else {
      jdbc.sql("""
          update payer set name = ?, payer_class = ?, timely_filing_days = ?, member_id_pattern = ?, claim_types = ?,
            edi_payer_id = ?, connectivity = ?, real_time_eligibility = ?, active = ? where id = ?""")
          .params(p.name(), p.payerClass(), p.timelyFilingDays(), p.memberIdPattern(), p.claimTypes(), p.ediPayerId(),
              p.connectivity(), p.realTimeEligibility(), p.active(), id)
          .update();
    }
    audit("PAYER", id, before.orElse(null), p, user);
    return new Saved<>(p, before.isEmpty());
  }

  // ---- facilities ----

  public Map<String, Facility> facilities() {
    return jdbc.sql(FACILITY_SELECT + " order by id").query((rs, n) -> Map.entry(rs.getString("id"), facility(rs))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  public Optional<Facility> facility(String id) {
    return jdbc.sql(FACILITY_SELECT + " where id = ?").param(id).query((rs, n) -> facility(rs)).optional();
  }

  @Transactional
  public Saved<Facility> saveFacility(String id, Facility f, String user) {
    requireId(id, "[A-Z0-9]{1,32}", "must be 1 to 32 capital letters or digits");
    if (!MasterDataRecords.isValidNpi(f.npi())) {
      throw new InvalidInputException("npi", "is not a valid NPI: its check digit does not match");
    }
    Optional<Facility> before = facility(id);
    if (before.isEmpty()) {
      jdbc.sql("""
          insert into facility (id, name, facility_type, npi, tax_id, place_of_service, city, state, active)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, f.name(), f.facilityType(), f.npi(), f.taxId(), f.placeOfService(), f.city(), f.state(), f.active())
          .update();
    } else {
      jdbc.sql("""
          update facility set name = ?, facility_type = ?, npi = ?, tax_id = ?, place_of_service = ?, city = ?, state = ?,
            active = ? where id = ?""")
          .params(f.name(), f.facilityType(), f.npi(), f.taxId(), f.placeOfService(), f.city(), f.state(), f.active(), id)
          .update();
    }
    audit("FACILITY", id, before.orElse(null), f, user);
    return new Saved<>(f, before.isEmpty());
  }

  // ---- providers ----

  public Map<String, Provider> providers() {
    return jdbc.sql(PROVIDER_SELECT + " order by npi").query((rs, n) -> Map.entry(rs.getString("npi"), provider(rs))).list()
        .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            java.util.LinkedHashMap::new));
  }

  public Optional<Provider> provider(String npi) {
    return jdbc.sql(PROVIDER_SELECT + " where npi = ?").param(npi).query((rs, n) -> provider(rs)).optional();
  }

  @Transactional
  public Saved<Provider> saveProvider(String npi, Provider p, String user) {
    if (!MasterDataRecords.isValidNpi(npi)) {
      throw new InvalidInputException("npi", "is not a valid NPI: 10 digits with a matching check digit");
    }
    if (p.facilityId() != null && facility(p.facilityId()).isEmpty()) {
      throw new InvalidInputException("facilityId", "facility '" + p.facilityId() + "' is not in the master data");
    }
    Optional<Provider> before = provider(npi);
    if (before.isEmpty()) {
      jdbc.sql("insert into provider (npi, name, taxonomy_code, facility_id, active) values (?, ?, ?, ?, ?)")
          .params(npi, p.name(), p.taxonomyCode(), p.facilityId(), p.active()).update();
    } else {
      jdbc.sql("update provider set name = ?, taxonomy_code = ?, facility_id = ?, active = ? where npi = ?")
          .params(p.name(), p.taxonomyCode(), p.facilityId(), p.active(), npi).update();
    }
    audit("PROVIDER", npi, before.orElse(null), p, user);
    return new Saved<>(p, before.isEmpty());
  }

  // ---- audit ----

  public List<Change> changes(String entity, String entityId) {
    return jdbc.sql("""
        select entity, entity_id, action, changed_by, changed_at, before_json, after_json from master_data_change
        where entity = ? and entity_id = ? order by changed_at, id""")
        .params(entity, entityId)
        .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)))
        .list();
  }

  private void audit(String entity, String id, Object before, Object after, String user) {
    String beforeJson = write(before);
    String afterJson = write(after);
    if (beforeJson != null && beforeJson.equals(afterJson)) {
      return; // saved unchanged: nothing to audit
    }
    Instant now = clock.instant();
    jdbc.sql("""
        insert into master_data_change (id, entity, entity_id, action, changed_by, changed_at, before_json, after_json)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), entity, id, before == null ? "CREATE" : "UPDATE", user, Timestamp.from(now),
            beforeJson, afterJson)
        .update();
  }

  private String write(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("master data could not be written as JSON", e);
    }
  }

  private static void requireId(String id, String pattern, String message) {
    if (id == null || !id.matches(pattern)) {
      throw new InvalidInputException("id", message);
    }
  }

  private static final String PAYER_SELECT = """
      select id, name, payer_class, timely_filing_days, member_id_pattern, claim_types, edi_payer_id, connectivity,
        real_time_eligibility, active from payer""";
  private static final String FACILITY_SELECT = """
      select id, name, facility_type, npi, tax_id, place_of_service, city, state, active from facility""";
  private static final String PROVIDER_SELECT = "select npi, name, taxonomy_code, facility_id, active from provider";

  private static Payer payer(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Payer(rs.getString("name"), rs.getString("payer_class"), rs.getInt("timely_filing_days"),
        rs.getString("member_id_pattern"), rs.getString("claim_types"), rs.getString("edi_payer_id"),
        rs.getString("connectivity"), rs.getBoolean("real_time_eligibility"), rs.getBoolean("active"));
  }

  private static Facility facility(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Facility(rs.getString("name"), rs.getString("facility_type"), rs.getString("npi"), rs.getString("tax_id"),
        rs.getString("place_of_service"), rs.getString("city"), rs.getString("state"), rs.getBoolean("active"));
  }

  private static Provider provider(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Provider(rs.getString("name"), rs.getString("taxonomy_code"), rs.getString("facility_id"),
        rs.getBoolean("active"));
  }
}
