package org.revcycle.coding.edits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loader against the V3 tables (H2, migrated by Flyway as the application is): samples stored
 * and read back, real files from the configured directory replace the samples of their kind, and a
 * malformed file loads nothing.
 */
class ReferenceDataLoadTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private JdbcTemplate jdbc;
  private ReferenceDataStore store;

  @BeforeEach
  void database() {
    DriverManagerDataSource ds =
        new DriverManagerDataSource("jdbc:h2:mem:ref-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("revcycle_schema_history").load()
        .migrate();
    jdbc = new JdbcTemplate(ds);
    store = new ReferenceDataStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(ds)));
  }

  private int rows(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private ReferenceDataService service(String directory) {
    return new ReferenceDataService(store, CLOCK, directory);
  }

  @Test
  void theSamplesAreStoredAndReadBackTheSame() {
    ReferenceDataService service = service("");
    ReferenceData loaded = service.get();
    ReferenceData.Tables parsed = ReferenceFiles.parse(ReferenceDataService.samples()).tables();
    assertThat(rows("ncci_ptp_edit")).isEqualTo(parsed.ptp().size());
    assertThat(rows("mue_edit")).isEqualTo(parsed.mue().size());
    assertThat(rows("reference_data_load")).isEqualTo(9);
    ReferenceData.Tables read = store.read();
    assertThat(read.ptp()).containsExactlyInAnyOrderElementsOf(parsed.ptp());
    assertThat(read.mue()).containsExactlyInAnyOrderElementsOf(parsed.mue());
    assertThat(read.addOns()).containsExactlyInAnyOrderElementsOf(parsed.addOns());
    assertThat(read.modifiers()).containsExactlyInAnyOrderElementsOf(parsed.modifiers());
    assertThat(read.diagnosisSupport()).containsExactlyInAnyOrderElementsOf(parsed.diagnosisSupport());
    assertThat(read.priorAuth()).containsExactlyInAnyOrderElementsOf(parsed.priorAuth());
    assertThat(read.ageSex()).containsExactlyInAnyOrderElementsOf(parsed.ageSex());
    assertThat(loaded.tables().rows()).isEqualTo(parsed.rows());

    // the same files again: read back, not stored again
    String loadedAt = jdbc.queryForObject("select min(cast(id as varchar(36))) from reference_data_load", String.class);
    service("").load();
    assertThat(jdbc.queryForObject("select min(cast(id as varchar(36))) from reference_data_load", String.class))
        .isEqualTo(loadedAt);
  }

  @Test
  void filesInTheConfiguredDirectoryReplaceTheSamplesOfTheirKind() throws IOException {
    Files.writeString(dir.resolve("ccipra-v313r0-f1.txt"), "copyright\nColumn 1\tColumn 2\t*\tEffective Date\t"
        + "Deletion Date\tModifier\tPTP Edit Rationale\n11042\t97597\t\t20130101\t*\t1\tMutually exclusive procedures\n");
    Files.writeString(dir.resolve("notes.txt"), "not a reference file");
    ReferenceData data = service(dir.toString()).get();
    assertThat(data.tables().ptp()).extracting(ReferenceData.PtpEdit::setting).containsOnly(
        ReferenceData.PtpSetting.PRACTITIONER, ReferenceData.PtpSetting.HOSPITAL);
    assertThat(data.ptp(ReferenceData.PtpSetting.PRACTITIONER, "11042", "97597")).hasSize(1);
    assertThat(data.ptp(ReferenceData.PtpSetting.PRACTITIONER, "70553", "70551")).as("the sample is replaced").isEmpty();
    assertThat(data.ptp(ReferenceData.PtpSetting.HOSPITAL, "70553", "70551")).as("hospital sample stays").hasSize(1);
    assertThat(jdbc.queryForObject("select version from reference_data_load where file_name = 'ccipra-v313r0-f1.txt'",
        String.class)).isEqualTo("ccipra-v313r0-f1");
  }

  @Test
  void aMalformedFileLoadsNothingAndNamesFileAndLine() throws IOException {
    Files.writeString(dir.resolve("ccipra-v313r0-f1.txt"), "Column 1\tColumn 2\t*\tEffective Date\tDeletion Date\t"
        + "Modifier\tPTP Edit Rationale\n11042\t97597\t\t20130101\t*\t1\tok\n");
    Files.writeString(dir.resolve("MCR_MUE_PractitionerServices_Eff_2026-01-01.csv"),
        "\"HCPCS/CPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"\n"
            + "\"99213\",\"1\",\"2 Date of Service Edit: Policy\",\"x\"\n"
            + "\"99214\",\"many\",\"2 Date of Service Edit: Policy\",\"x\"\n");
    assertThatThrownBy(() -> service(dir.toString()).get())
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage("MCR_MUE_PractitionerServices_Eff_2026-01-01.csv line 3: MUE value 'many' is not a whole number");
    assertThat(rows("reference_data_load")).isZero();
    assertThat(rows("ncci_ptp_edit")).as("not even the good file").isZero();
  }

  @Test
  void aMalformedUpdateKeepsTheTablesInForce() throws IOException {
    service("").get();
    int before = rows("ncci_ptp_edit");
    Files.writeString(dir.resolve("ccipra-v313r0-f1.txt"), "Column 1\tColumn 2\t*\tEffective Date\tDeletion Date\t"
        + "Modifier\tPTP Edit Rationale\n11042\t97597\t\t20130101\t*\t1\tok\n11042\t97598\t\t20130101\t*\t7\tbad\n");
    ReferenceDataService update = service(dir.toString());
    ReferenceData data = update.get();
    assertThat(rows("ncci_ptp_edit")).isEqualTo(before);
    assertThat(data.ptp(ReferenceData.PtpSetting.PRACTITIONER, "70553", "70551")).hasSize(1);
    assertThat(data.ptp(ReferenceData.PtpSetting.PRACTITIONER, "11042", "97597")).isEmpty();
  }
}
