package org.revcycle.coding.edits;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.revcycle.coding.edits.ReferenceData.AddOnEdit;
import org.revcycle.coding.edits.ReferenceData.AgeSexEdit;
import org.revcycle.coding.edits.ReferenceData.DiagnosisSupport;
import org.revcycle.coding.edits.ReferenceData.ModifierRequirement;
import org.revcycle.coding.edits.ReferenceData.MueLimit;
import org.revcycle.coding.edits.ReferenceData.MueSetting;
import org.revcycle.coding.edits.ReferenceData.PriorAuthRule;
import org.revcycle.coding.edits.ReferenceData.PtpEdit;
import org.revcycle.coding.edits.ReferenceData.PtpSetting;
import org.revcycle.coding.edits.ReferenceData.Ref;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference tables in the database (V3): a load replaces every table at once, in one
 * transaction, so the edit engine never sees half of a load; reading back gives the tables again.
 */
public class ReferenceDataStore {

  private static final int BATCH = 5_000;
  private static final List<String> TABLES = List.of(ReferenceData.PTP, ReferenceData.MUE, ReferenceData.ADD_ON,
      ReferenceData.MODIFIER, ReferenceData.DIAGNOSIS_SUPPORT, ReferenceData.PRIOR_AUTH, ReferenceData.AGE_SEX);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  public ReferenceDataStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The files of the load in force: name and SHA-256, to tell whether anything changed. */
  public Map<String, String> loadedFiles() {
    Map<String, String> files = new HashMap<>();
    jdbc.query("select file_name, sha256 from reference_data_load",
        rs -> {
          files.put(rs.getString(1), rs.getString(2));
        });
    return files;
  }

  /** Replaces every reference table with the parsed files, all or nothing. */
  public void replace(ReferenceFiles.Parsed parsed, Instant now) {
    transactions.executeWithoutResult(status -> {
      for (String table : TABLES) {
        jdbc.update("delete from " + table);
      }
      jdbc.update("delete from reference_data_load");
      Map<String, UUID> loadIds = new HashMap<>();
      for (ReferenceFiles.FileInfo file : parsed.files()) {
        UUID id = UUID.randomUUID();
        loadIds.put(file.version(), id);
        jdbc.update("""
            insert into reference_data_load (id, table_name, file_name, version, sha256, row_count, loaded_at)
            values (?, ?, ?, ?, ?, ?, ?)""", id, file.table(), file.name(), file.version(), file.sha256(), file.rows(),
            Timestamp.from(now));
      }
      ReferenceData.Tables t = parsed.tables();
      batch("""
          insert into ncci_ptp_edit (load_id, source_line, setting, column1_code, column2_code, before_1996,
            effective_date, deletion_date, modifier_indicator, rationale) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          t.ptp(), e -> new Object[] {loadIds.get(e.ref().version()), e.ref().row(), e.setting().name(), e.column1(),
              e.column2(), e.before1996(), date(e.effective()), date(e.deletion()), String.valueOf(e.modifierIndicator()),
              cut(e.rationale(), 255)});
      batch("""
          insert into mue_edit (load_id, source_line, setting, code, max_units, adjudication_indicator,
            adjudication_text, rationale) values (?, ?, ?, ?, ?, ?, ?, ?)""",
          t.mue(), m -> new Object[] {loadIds.get(m.ref().version()), m.ref().row(), m.setting().name(), m.code(),
              m.maxUnits(), m.adjudicationIndicator(), cut(m.adjudicationText(), 64), cut(m.rationale(), 255)});
      batch("""
          insert into add_on_code_edit (load_id, source_line, add_on_code, add_on_deletion_date, primary_code,
            primary_deletion_date, edit_type, effective_date, deletion_date, notes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          t.addOns(), a -> new Object[] {loadIds.get(a.ref().version()), a.ref().row(), a.addOnCode(),
              date(a.addOnDeletion()), a.primaryCode(), date(a.primaryDeletion()), a.editType(), date(a.effective()),
              date(a.deletion()), cut(a.notes(), 500)});
      batch("""
          insert into modifier_requirement (load_id, source_line, code, payer_class, claim_type, required_any_of,
            reason, fix) values (?, ?, ?, ?, ?, ?, ?, ?)""",
          t.modifiers(), m -> new Object[] {loadIds.get(m.ref().version()), m.ref().row(), m.code(), m.payerClass(),
              m.claimType(), String.join(" ", m.anyOf()), cut(m.reason(), 500), cut(m.fix(), 500)});
      batch("""
          insert into diagnosis_support (load_id, source_line, procedure_code, diagnosis_prefix, policy)
          values (?, ?, ?, ?, ?)""",
          t.diagnosisSupport(), d -> new Object[] {loadIds.get(d.ref().version()), d.ref().row(), d.procedureCode(),
              d.diagnosisPrefix(), cut(d.policy(), 255)});
      batch("""
          insert into prior_authorization_rule (load_id, source_line, payer_id, code_type, code, effective_date,
            end_date, note) values (?, ?, ?, ?, ?, ?, ?, ?)""",
          t.priorAuth(), p -> new Object[] {loadIds.get(p.ref().version()), p.ref().row(), p.payerId(), p.codeType(),
              p.code(), date(p.effective()), date(p.end()), cut(p.note(), 255)});
      batch("""
          insert into age_sex_edit (load_id, source_line, code_system, code, sex, min_age, max_age, description)
          values (?, ?, ?, ?, ?, ?, ?, ?)""",
          t.ageSex(), a -> new Object[] {loadIds.get(a.ref().version()), a.ref().row(), a.codeSystem(), a.code(),
              a.sex(), a.minAge(), a.maxAge(), cut(a.description(), 255)});
    });
  }

  /** The tables as stored. */
  public ReferenceData.Tables read() {
    Map<String, String> versions = new HashMap<>();
    jdbc.query("select id, version from reference_data_load", rs -> {
      versions.put(rs.getString(1), rs.getString(2));
    });
    List<PtpEdit> ptp = jdbc.query("""
        select load_id, source_line, setting, column1_code, column2_code, before_1996, effective_date, deletion_date,
          modifier_indicator, rationale from ncci_ptp_edit""",
        (rs, n) -> new PtpEdit(PtpSetting.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getBoolean(6),
            localDate(rs, 7), localDate(rs, 8), rs.getString(9).charAt(0), nz(rs.getString(10)),
            ref(ReferenceData.PTP, rs, versions)));
    List<MueLimit> mue = jdbc.query("""
        select load_id, source_line, setting, code, max_units, adjudication_indicator, adjudication_text, rationale
        from mue_edit""",
        (rs, n) -> new MueLimit(MueSetting.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
            rs.getString(7), nz(rs.getString(8)), ref(ReferenceData.MUE, rs, versions)));
    List<AddOnEdit> addOns = jdbc.query("""
        select load_id, source_line, add_on_code, add_on_deletion_date, primary_code, primary_deletion_date, edit_type,
          effective_date, deletion_date, notes from add_on_code_edit""",
        (rs, n) -> new AddOnEdit(rs.getString(3), localDate(rs, 4), rs.getString(5), localDate(rs, 6), rs.getInt(7),
            localDate(rs, 8), localDate(rs, 9), nz(rs.getString(10)), ref(ReferenceData.ADD_ON, rs, versions)));
    List<ModifierRequirement> modifiers = jdbc.query("""
        select load_id, source_line, code, payer_class, claim_type, required_any_of, reason, fix from modifier_requirement""",
        (rs, n) -> new ModifierRequirement(rs.getString(3), rs.getString(4), rs.getString(5),
            List.of(rs.getString(6).split(" ")), rs.getString(7), rs.getString(8),
            ref(ReferenceData.MODIFIER, rs, versions)));
    List<DiagnosisSupport> support = jdbc.query("""
        select load_id, source_line, procedure_code, diagnosis_prefix, policy from diagnosis_support""",
        (rs, n) -> new DiagnosisSupport(rs.getString(3), rs.getString(4), rs.getString(5),
            ref(ReferenceData.DIAGNOSIS_SUPPORT, rs, versions)));
    List<PriorAuthRule> auth = jdbc.query("""
        select load_id, source_line, payer_id, code_type, code, effective_date, end_date, note from prior_authorization_rule""",
        (rs, n) -> new PriorAuthRule(rs.getString(3), rs.getString(4), rs.getString(5), localDate(rs, 6),
            localDate(rs, 7), nz(rs.getString(8)), ref(ReferenceData.PRIOR_AUTH, rs, versions)));
    List<AgeSexEdit> ageSex = jdbc.query("""
        select load_id, source_line, code_system, code, sex, min_age, max_age, description from age_sex_edit""",
        (rs, n) -> new AgeSexEdit(rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6),
            (Integer) rs.getObject(7), rs.getString(8), ref(ReferenceData.AGE_SEX, rs, versions)));
    return new ReferenceData.Tables(ptp, mue, addOns, modifiers, support, auth, ageSex);
  }

  private static Ref ref(String table, ResultSet rs, Map<String, String> versions) throws SQLException {
    return new Ref(table, rs.getLong(2), versions.get(rs.getString(1)));
  }

  private <T> void batch(String sql, List<T> rows, java.util.function.Function<T, Object[]> args) {
    List<Object[]> batch = new ArrayList<>(Math.min(rows.size(), BATCH));
    for (T row : rows) {
      batch.add(args.apply(row));
      if (batch.size() == BATCH) {
        jdbc.batchUpdate(sql, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      jdbc.batchUpdate(sql, batch);
    }
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
