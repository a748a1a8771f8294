package org.revcycle.encounter.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HL7v2 over a real MLLP socket on localhost: ACKs, claims started, duplicates, broken messages. */
class Hl7MllpIT extends PostgresIntegrationTest {

  private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String NPI = new SandboxNetwork().providersAt("H01").get(0).npi();

  @Autowired MllpListener listener;
  @Autowired JdbcClient jdbc;

  /** Sends framed messages on one connection; returns each ACK's segments. */
  private List<String[]> send(String... messages) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", listener.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      List<String[]> acks = new java.util.ArrayList<>();
      for (String message : messages) {
        out.write(0x0B);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {0x1C, 0x0D});
        out.flush();
        assertThat(in.read()).isEqualTo(0x0B);
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0x1C) {
          ack.write(b);
        }
        assertThat(in.read()).isEqualTo(0x0D);
        acks.add(ack.toString(StandardCharsets.UTF_8).split("\r"));
      }
      return acks;
    }
  }

  private static String segment(String[] ack, String tag) {
    return Arrays.stream(ack).filter(s -> s.startsWith(tag + "|")).findFirst().orElse("");
  }

  private static String field(String segment, int n) {
    String[] f = segment.split("\\|", -1);
    return n < f.length ? f[n] : "";
  }

  private static String msh(String type, String control) {
    return "MSH|^~\\&|TESTEHR|KVH|REVCYCLE|KVH|20261127120000||" + type + "|" + control + "|P|2.5.1\r";
  }

  private static String patient(String mrn) {
    return "PID|1||" + mrn + "^^^KVH^MR||Testperson^Alex||19610514|F|||12 Main St^^Dublin^OH^43017\r";
  }

  private static String dft(String control, String visit, String patientClass, String facility, String extra) {
    LocalDate dos = LocalDate.now().minusDays(2);
    return msh("DFT^P03^DFT_P03", control)
        + "EVN|P03|20261127120000\r"
        + patient("MRN-" + visit)
        + "PV1|1|" + patientClass + "|^^^" + facility + "||||" + NPI + "^Whitcomb^Avery^^^^^^^^^^NPI||||||||||||" + visit
        + "|||||||||||||||||||||||||" + dos.format(D8) + "\r"
        + "FT1|1|||" + dos.format(D8) + "||CG|0450^ER^RC|||1|2450.00||||||||||||||99284\r"
        + "FT1|2|||" + dos.format(D8) + "||CG|0300^LAB^RC|||1|180.00||||||||||||||80053\r"
        + extra
        + "IN1|1|CMA01|CMA|Lakeshore Mutual||||G123456||||" + dos.minusYears(1).format(D8)
        + "||||Testperson^Alex|SEL|19610514|||||||||||||||||||||||||||||||LMH123456781\r";
  }

  private int claimsForVisit(String visit) {
    return jdbc.sql("select count(*) from claim c join encounter e on e.id = c.encounter_id where e.source_id = ?")
        .param(visit).query(Integer.class).single();
  }

  @Test
  void aChargeMessageStartsAClaimAndItsResendIsAcknowledgedAndIgnored() throws IOException {
    String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    String message = dft("C-" + visit, visit, "E", "H01", "DG1|1||R07.9^Chest pain^I10|||F\rDG1|2||I10^^I10|||F\r");

    List<String[]> acks = send(message, message);

    assertThat(field(segment(acks.get(0), "MSA"), 1)).as(String.join("\n", acks.get(0))).isEqualTo("AA");
    assertThat(field(segment(acks.get(0), "MSA"), 2)).isEqualTo("C-" + visit);
    assertThat(field(segment(acks.get(0), "MSA"), 3)).contains("claim RC", "started for visit " + visit);
    assertThat(field(segment(acks.get(1), "MSA"), 1)).isEqualTo("AA");
    assertThat(field(segment(acks.get(1), "MSA"), 3)).contains("duplicate");
    assertThat(claimsForVisit(visit)).isEqualTo(1);
    assertThat(jdbc.sql("""
        select c.claim_type || ' ' || c.payer_id || ' ' || e.encounter_class || ' ' || c.total_charge
        from claim c join encounter e on e.id = c.encounter_id where e.source_id = ?""").param(visit)
        .query(String.class).single()).isEqualTo("INSTITUTIONAL CMA EMERGENCY 2630.00");
    assertThat(jdbc.sql("""
        select l.revenue_code || ':' || l.procedure_code from claim_line l join claim c on c.id = l.claim_id
        join encounter e on e.id = c.encounter_id where e.source_id = ? order by l.line_number""").param(visit)
        .query(String.class).list()).containsExactly("0450:99284", "0300:80053");
    assertThat(jdbc.sql("select status from inbound_message where channel = 'hl7/mllp' and payload = ? order by received_at")
        .param(message).query(String.class).list()).containsExactly("PROCESSED", "DUPLICATE");
  }

  @Test
  void theIn1AfterThePrimaryAreTheClaimsOtherCoverageAndOneWithoutAPayerIsAFinding() throws IOException {
    String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    String secondary = "IN1|2|CMB01|CMB|Tallgrass Employers||||G777||||20250101"
        + "||||Testperson^Alex|SEL|19610514|||||||||||||||||||||||||||||||TG1234567-01\r";
    String noPayer = "IN1|3|X01||Unknown plan||||||||20250101"
        + "||||Testperson^Alex|SEL|19610514|||||||||||||||||||||||||||||||Z999\r";

    List<String[]> acks = send(dft("O-" + visit, visit, "E", "H01", "DG1|1||R07.9^Chest pain^I10|||F\r")
        + secondary + noPayer);

    assertThat(field(segment(acks.get(0), "MSA"), 1)).as(String.join("\n", acks.get(0))).isEqualTo("AA");
    assertThat(jdbc.sql("""
        select cc.payer_rank || ' ' || cc.payer_id || ' ' || cc.member_id from claim_coverage cc
        join claim c on c.id = cc.claim_id join encounter e on e.id = c.encounter_id where e.source_id = ?""")
        .param(visit).query(String.class).list()).containsExactly("2 CMB TG1234567-01");
    assertThat(jdbc.sql("""
        select f.field || ': ' || f.message from encounter_finding f join encounter e on e.id = f.encounter_id
        where e.source_id = ?""").param(visit).query(String.class).list())
        .anySatisfy(f -> assertThat(f).startsWith("otherCoverages[1].payerId: IN1 3").contains("IN1-3"));
  }

  @Test
  void aDischargeWaitsForTheChargesWhichStartTheClaimWithItsDiagnosesAndDischargeDate() throws IOException {
    String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate discharged = LocalDate.now().minusDays(1);
    String a03 = msh("ADT^A03^ADT_A03", "A-" + visit) + "EVN|A03|20261127120000\r" + patient("MRN-" + visit)
        + "PV1|1|I|^^^H02||||" + NPI + "^^^^^^^^^^^^NPI||||||||||||" + visit + "|||||||||||||||||||||||||"
        + discharged.minusDays(3).format(D8) + "|" + discharged.format(D8) + "\r"
        + "DG1|1||J18.9^Pneumonia^I10|||F\r";

    List<String[]> acks = send(a03);
    assertThat(field(segment(acks.get(0), "MSA"), 1)).isEqualTo("AA");
    assertThat(field(segment(acks.get(0), "MSA"), 3)).contains("claim starts with its charges");
    assertThat(claimsForVisit(visit)).isZero();

    acks = send(dft("D-" + visit, visit, "I", "H02", ""));
    assertThat(field(segment(acks.get(0), "MSA"), 1)).isEqualTo("AA");
    assertThat(claimsForVisit(visit)).isEqualTo(1);
    assertThat(jdbc.sql("select discharge_date from encounter where source_id = ?").param(visit)
        .query(LocalDate.class).single()).isEqualTo(discharged);
    assertThat(jdbc.sql("""
        select d.code from claim_diagnosis d join claim c on c.id = d.claim_id join encounter e on e.id = c.encounter_id
        where e.source_id = ?""").param(visit).query(String.class).list()).containsExactly("J18.9");

    // charges that come after the claim was built are refused, not silently lost
    acks = send(dft("D2-" + visit, visit, "I", "H02", "DG1|1||J18.9^^I10\r"));
    assertThat(field(segment(acks.get(0), "MSA"), 1)).isEqualTo("AE");
    assertThat(field(segment(acks.get(0), "ERR"), 2)).isEqualTo("PV1^1^19");
  }

  @Test
  void aChargeWithoutAmountGetsAnAeNamingTheFieldAndStartsNothing() throws IOException {
    String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    String message = dft("B-" + visit, visit, "E", "H01", "DG1|1||R07.9^^I10\r")
        .replace("|1|180.00|", "|1||");

    String[] ack = send(message).get(0);

    assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
    assertThat(field(segment(ack, "MSA"), 2)).isEqualTo("B-" + visit);
    String err = segment(ack, "ERR");
    assertThat(field(err, 2)).as(String.join("\n", ack)).isEqualTo("FT1^2^11");
    assertThat(field(err, 3)).startsWith("101^");
    assertThat(field(err, 8)).contains("amount is missing");
    assertThat(claimsForVisit(visit)).isZero();
    assertThat(jdbc.sql("select status || ' ' || error from inbound_message where channel = 'hl7/mllp' and payload = ?")
        .param(message).query(String.class).single()).startsWith("REJECTED AE").contains("FT1-11");
  }

  @Test
  void anUnreadableMessageAndAnUnsupportedTypeGetAr() throws IOException {
    String unsupported = msh("ORU^R01^ORU_R01", "U-1") + "PID|1||M1^^^KVH^MR||Doe^Sam\r";
    String garbage = "this is not HL7";

    List<String[]> acks = send(unsupported, garbage);

    assertThat(field(segment(acks.get(0), "MSA"), 1)).isEqualTo("AR");
    assertThat(field(segment(acks.get(0), "ERR"), 3)).startsWith("200^");
    assertThat(field(segment(acks.get(0), "ERR"), 8)).contains("ORU\\S\\R01", "is not taken");
    assertThat(field(segment(acks.get(1), "MSA"), 1)).isEqualTo("AR");
    assertThat(jdbc.sql("select status from inbound_message where channel = 'hl7/mllp' and payload = ?")
        .param(garbage).query(String.class).single()).isEqualTo("REJECTED");
  }

  @Test
  void aBadDateIsAnAeNamingTheField() throws IOException {
    String visit = "V" + UUID.randomUUID().toString().substring(0, 8);
    String message = dft("T-" + visit, visit, "E", "H01", "DG1|1||R07.9^^I10\r").replace("|19610514|F|", "|1961-05-14|F|");

    String[] ack = send(message).get(0);

    assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
    assertThat(field(segment(ack, "ERR"), 2)).startsWith("PID^1^7");
    assertThat(claimsForVisit(visit)).isZero();
  }
}
