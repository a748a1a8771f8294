package org.revcycle.x12.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.revcycle.x12.claim.Claims837.billingProvider;
import static org.revcycle.x12.claim.Claims837.dependent;
import static org.revcycle.x12.claim.Claims837.header;
import static org.revcycle.x12.claim.Claims837.institutional;
import static org.revcycle.x12.claim.Claims837.money;
import static org.revcycle.x12.claim.Claims837.professional;
import static org.revcycle.x12.claim.Claims837.professionalSecondary;
import static org.revcycle.x12.claim.Claims837.subscriber;

import com.imsweb.x12.reader.X12Reader;
import com.imsweb.x12.reader.X12Reader.FileType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;

class Claim837WriterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
  private static final InterchangeParties PARTIES = InterchangeParties.of("REVCYCLE", "CLEARINGHOUSE", 'T');

  private final Claim837Writer writer = new Claim837Writer(new CountingControlNumbers(41), CLOCK);

  private byte[] write(List<ClaimBatch> batches) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, PARTIES, batches);
    return out.toByteArray();
  }

  private static List<String> segments(byte[] x12) {
    return Arrays.stream(new String(x12, StandardCharsets.US_ASCII).split("~")).map(String::strip)
        .filter(s -> !s.isEmpty()).toList();
  }

  @Test
  void professionalBatchGroupsClaimsUnderProviderSubscriberAndPatientLevels() {
    BillingProvider first = billingProvider("1234567893");
    BillingProvider second = billingProvider("1999999984");
    Subscriber self = subscriber("M100", true);
    Subscriber parent = subscriber("M200", false);
    List<Claim837> claims = List.of(
        professional("PCN-1", first, self, null),
        professional("PCN-2", first, parent, dependent()),
        professional("PCN-3", second, self, null),
        professional("PCN-4", first, self, null));

    byte[] x12 = write(List.of(new ClaimBatch(header(ClaimType.PROFESSIONAL), claims)));

    List<String> hl = segments(x12).stream().filter(s -> s.startsWith("HL*")).toList();
    assertThat(hl).containsExactly(
        "HL*1**20*1",
        "HL*2*1*22*0",   // the self-insured subscriber: PCN-1 and PCN-4
        "HL*3*1*22*1",   // the parent whose dependent is the patient
        "HL*4*3*23*0",
        "HL*5**20*1",    // the second billing provider
        "HL*6*5*22*0");
    List<String> clm = segments(x12).stream().filter(s -> s.startsWith("CLM*")).map(s -> s.split("\\*")[1]).toList();
    assertThat(clm).containsExactly("PCN-1", "PCN-4", "PCN-2", "PCN-3");
    List<String> all = segments(x12);
    assertThat(all.get(0)).startsWith("ISA*00*").hasSize(105);
    assertThat(all).contains("GS*HC*REVCYCLE*CLEARINGHOUSE*20260302*0930*41*X*005010X222A1",
        "ST*837*0041*005010X222A1", "BHT*0019*00*BATCH0001*20260302*0930*CH",
        "CLM*PCN-1*175.5***11:B:1*Y*A*Y*Y", "HI*ABK:J0300*ABF:R05*ABF:E119", "REF*G1*AUTH7788",
        "SV1*HC:99213:25*125.5*UN*1***1:2", "SV1*HC:J3301:JZ:RT*50*UN*2.5*11**1:2:3:1",
        "DTP*472*RD8*20260220-20260221", "LIN**N4*00003029301", "CTP****2*ML");
    int st = all.indexOf("ST*837*0041*005010X222A1");
    String se = all.stream().filter(s -> s.startsWith("SE*")).findFirst().orElseThrow();
    int seIndex = all.indexOf(se);
    assertThat(se).isEqualTo("SE*" + (seIndex - st + 1) + "*0041");
  }

  @Test
  void professionalClaimsReadBackAsEqualRecords() {
    ClaimBatchHeader header = header(ClaimType.PROFESSIONAL);
    List<Claim837> claims = List.of(
        professional("PCN-1", billingProvider("1234567893"), subscriber("M100", true), null),
        professional("PCN-2", billingProvider("1234567893"), subscriber("M200", false), dependent()),
        professionalSecondary("PCN-7"));

    Claims837.Read read = Claims837.read(write(List.of(new ClaimBatch(header, claims))));

    assertThat(read.result().problems()).isEmpty();
    assertThat(read.headers()).allSatisfy(h -> assertThat(h).isEqualTo(header));
    // the writer puts the secondary's subscriber after the first subscriber's dependents; compare as sets
    assertThat(read.claims()).containsExactlyInAnyOrderElementsOf(claims);
    Claim837 replacement = read.claims().stream().filter(c -> c.patientControlNumber().equals("PCN-7")).findFirst().orElseThrow();
    assertThat(replacement.frequencyCode()).isEqualTo("7");
    assertThat(replacement.payerClaimControlNumber()).isEqualTo("ORIG-ICN-9");
    assertThat(replacement.otherSubscribers().get(0).adjustments()).extracting(Adjustment::group, Adjustment::reason, Adjustment::amount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CO", "45", money("20.00")),
            org.assertj.core.groups.Tuple.tuple("PR", "1", money("10.00")),
            org.assertj.core.groups.Tuple.tuple("PR", "2", money("5.25")));
  }

  @Test
  void secondaryClaimCarriesPrimaryAdjudicationInLoops2320And2430() {
    byte[] x12 = write(List.of(new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(professionalSecondary("PCN-7")))));

    assertThat(segments(x12)).containsSubsequence(
        "CLM*PCN-7*120.5***11:B:7*Y*A*Y*Y", "REF*F8*ORIG-ICN-9", "HI*ABK:I10",
        "SBR*P*18*PRIM9******MB", "CAS*CO*45*20", "CAS*PR*1*10**2*5.25", "AMT*D*85.25", "AMT*EAF*15.25",
        "OI***Y*P**Y", "NM1*IL*1*TESTPERSON*ALEX****MI*MBI123", "NM1*PR*2*MEDICARE TEST*****PI*MCR01",
        "DTP*573*D8*20260228", "REF*F8*PAYERCLAIM42",
        "LX*1", "SV1*HC:99214*120.5*UN*1***1", "SVD*MCR01*85.25*HC:99214**1", "CAS*CO*45*20",
        "CAS*PR*1*15.25", "DTP*573*D8*20260228");
  }

  @Test
  void institutionalClaimsReadBackAsEqualRecords() {
    ClaimBatchHeader header = header(ClaimType.INSTITUTIONAL);
    List<Claim837> claims = List.of(institutional("INST-1", null), institutional("INST-2", dependent()));

    byte[] x12 = write(List.of(new ClaimBatch(header, claims)));
    Claims837.Read read = Claims837.read(x12);

    assertThat(read.result().problems()).isEmpty();
    assertThat(read.claims()).containsExactlyElementsOf(claims);
    assertThat(read.claims().get(0).billType()).isEqualTo("111");
    assertThat(segments(x12)).containsSubsequence("GS*HC*REVCYCLE*CLEARINGHOUSE*20260302*0930*41*X*005010X223A2",
        "CLM*INST-1*2450***11:A:1**A*Y*Y", "DTP*096*TM*1100", "DTP*434*RD8*20260110-20260113",
        "DTP*435*DT*202601100815", "CL1*1*7*01", "REF*G1*PA-55", "REF*EA*MRN-0042", "HI*ABK:J189", "HI*ABJ:R0602",
        "HI*ABF:E119*ABF:I10", "HI*BH:11:D8:20260108", "HI*BE:80:::3", "NM1*71*1*ATTENDING*AVA****XX*1234567893",
        "PRV*AT*PXC*207R00000X", "SV2*0120**2000*DA*3", "SV2*0300*HC:85025*450*UN*2**50");
  }

  @Test
  void severalBatchesGoInOneGroupWithOneSetEach() {
    byte[] x12 = write(List.of(
        new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(professional("A", billingProvider("1234567893"), subscriber("M1", true), null))),
        new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(professional("B", billingProvider("1234567893"), subscriber("M1", true), null)))));

    List<String> all = segments(x12);
    assertThat(all.stream().filter(s -> s.startsWith("GS*"))).hasSize(1);
    assertThat(all.stream().filter(s -> s.startsWith("ST*"))).containsExactly("ST*837*0041*005010X222A1", "ST*837*0042*005010X222A1");
    assertThat(all).contains("GE*2*41", "IEA*1*000000041");
    assertThat(Claims837.read(x12).result().transactionSets()).isEqualTo(2);
  }

  @Test
  void refusesAClaimItsOwnSchemaRejects() {
    // frequency 5 (late charge) is an institutional code, not a professional one, and SV103 'XX' is no unit
    Claim837 valid = professional("PCN-BAD", billingProvider("1234567893"), subscriber("M100", true), null);
    ServiceLine badLine = new ServiceLine(1, null, Procedure.hcpcs("99213"), money("10.00"), "XX", money("1"), null,
        List.of(1), null, null, null, null, List.of(), List.of());
    Claim837 broken = new Claim837(valid.billingProvider(), valid.subscriber(), valid.payer(), null, "PCN-BAD",
        money("10.00"), "11", "5", "Y", "A", "Y", "Y", null, null, null, null, null, null, null, null, null, null,
        valid.healthCareCodes(), List.of(), List.of(), List.of(badLine));

    assertThatThrownBy(() -> write(List.of(new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(broken)))))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems())
            .extracting(p -> p.location().describe(), X12Problem::code)
            .contains(
                org.assertj.core.groups.Tuple.tuple("segment CLM (#22) element CLM05-3", "INVALID_CODE_VALUE"),
                org.assertj.core.groups.Tuple.tuple("segment SV1 (#25) element SV103", "INVALID_CODE_VALUE")))
        .hasMessageNotContaining("TESTPERSON");
  }

  @Test
  void refusesAClaimWithoutItsRequiredValues() {
    Claim837 valid = professional("PCN-X", billingProvider("1234567893"), subscriber("M100", true), null);
    Claim837 noCharge = new Claim837(valid.billingProvider(), valid.subscriber(), valid.payer(), null, null,
        null, "11", "1", "Y", "A", "Y", "Y", null, null, null, null, null, null, null, null, null, null,
        valid.healthCareCodes(), List.of(), List.of(), valid.lines());

    assertThatThrownBy(() -> write(List.of(new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(noCharge)))))
        .isInstanceOf(X12Exception.class)
        .satisfies(e -> assertThat(((X12Exception) e).problems())
            .extracting(p -> p.location().describe(), X12Problem::code)
            .contains(org.assertj.core.groups.Tuple.tuple("segment CLM (#22) element CLM01", "REQUIRED_DATA_ELEMENT_MISSING"),
                org.assertj.core.groups.Tuple.tuple("segment CLM (#22) element CLM02", "REQUIRED_DATA_ELEMENT_MISSING")));
  }

  @Test
  void everyWrittenClaimFileParsesCleanlyInTheImswebParser() throws IOException {
    byte[] professional = write(List.of(new ClaimBatch(header(ClaimType.PROFESSIONAL), List.of(
        professional("PCN-1", billingProvider("1234567893"), subscriber("M100", true), null),
        professional("PCN-2", billingProvider("1234567893"), subscriber("M200", false), dependent()),
        professionalSecondary("PCN-7")))));
    byte[] institutional = write(List.of(new ClaimBatch(header(ClaimType.INSTITUTIONAL),
        List.of(institutional("INST-1", null), institutional("INST-2", dependent())))));

    Claim837 oneHi = institutional("INST-3", null);
    oneHi = new Claim837(oneHi.billingProvider(), oneHi.subscriber(), oneHi.payer(), null, "INST-3", oneHi.totalCharge(),
        "13", "1", null, "A", "Y", "Y", oneHi.statementPeriod(), null, null, null, "3", "1", "01", null, null, null,
        List.of(HealthCareCode.of("ABK", "R0602")), oneHi.providers(), List.of(), oneHi.lines());
    byte[] institutionalOneHi = write(List.of(new ClaimBatch(header(ClaimType.INSTITUTIONAL), List.of(oneHi))));

    assertCleanInImsweb(FileType.ANSI837_5010_X222, professional, 3, List.of());
    assertCleanInImsweb(FileType.ANSI837_5010_X223, institutionalOneHi, 1, List.of());
    // imsweb 1.13's X223 map counts every HI against the principal diagnosis HI's max use of 1: it says
    // this of the guide's own examples too (stupidedi X223A2 two-claims-for-the-same-provider.edi, whose
    // second HI is the guide's "Other Diagnosis Information"), so that one message is not a finding
    assertCleanInImsweb(FileType.ANSI837_5010_X223, institutional, 2, List.of("HI in loop 2300 appears too many times"));
  }

  private static void assertCleanInImsweb(FileType type, byte[] x12, int claims, List<String> knownFalseErrors) throws IOException {
    X12Reader reader = new X12Reader(type, new ByteArrayInputStream(x12), StandardCharsets.US_ASCII);
    assertThat(reader.getFatalErrors()).isEmpty();
    assertThat(reader.getErrors()).allMatch(knownFalseErrors::contains);
    assertThat(reader.getLoops()).hasSize(1);
    assertThat(reader.getLoops().get(0).findLoop("2300")).hasSize(claims);
  }
}
