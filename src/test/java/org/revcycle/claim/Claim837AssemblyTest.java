package org.revcycle.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.CountingControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.claim.Claim837;
import org.revcycle.x12.claim.Claim837ReadResult;
import org.revcycle.x12.claim.Claim837Reader;
import org.revcycle.x12.claim.Claim837Writer;
import org.revcycle.x12.claim.ClaimBatch;
import org.revcycle.x12.claim.ClaimBatchHeader;
import org.revcycle.x12.claim.Contact;
import org.revcycle.x12.claim.PartyName;
import org.revcycle.x12.claim.Receiver;
import org.revcycle.x12.claim.Submitter;

/** A claim as revcycle sends it: written by the 837 writer (schema-validated) and read back by the 837 reader. */
class Claim837AssemblyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DOS = LocalDate.of(2026, 11, 20);

  private static ClaimBatchRepository.Parties parties(String relationshipSubscriber) {
    return parties(relationshipSubscriber, "COMMERCIAL");
  }

  private static ClaimBatchRepository.Parties parties(String relationshipSubscriber, String payerClass) {
    return new ClaimBatchRepository.Parties("Testperson", "Alex", "1 Test Lane", "Columbus", "OH", "43004",
        relationshipSubscriber, relationshipSubscriber == null ? null : "Pat", LocalDate.of(1960, 1, 2), "M", "GRP1",
        "Lakeshore Mutual Health Plan", payerClass, "Clinic Seven", "311234567", "Columbus", "OH", "11",
        "Dana Doctor MD", "207Q00000X");
  }

  private static ClaimSubmission professional(String frequency, String payerClaimNumber, String relationship) {
    return new ClaimSubmission("PCN-77", ClaimType.PROFESSIONAL, frequency, payerClaimNumber, "CMA", "LMH123456789",
        relationship, null, null, "C07", "1234567893", "1245319599", LocalDate.of(1961, 5, 14), "F", DOS, null, null,
        List.of("E11.9", "I10"), List.of(
            new ClaimSubmission.Line(1, "99214", List.of("25"), null, BigDecimal.ONE, new BigDecimal("185.00"), DOS),
            new ClaimSubmission.Line(2, "80053", List.of(), null, BigDecimal.ONE, new BigDecimal("64.50"), DOS)));
  }

  private static ClaimSubmission inpatient(String frequency, String payerClaimNumber) {
    return new ClaimSubmission("PCN-88", ClaimType.INSTITUTIONAL, frequency, payerClaimNumber, "MCR", "1EG4TE5MK73",
        "SELF", null, null, "H01", "1234567893", "1245319599", LocalDate.of(1950, 3, 3), "M", DOS, DOS.plusDays(3),
        "AUTH-1", List.of("J18.9"), List.of(
            new ClaimSubmission.Line(1, null, List.of(), "0120", new BigDecimal("3"), new BigDecimal("3000.00"), DOS),
            new ClaimSubmission.Line(2, "85025", List.of(), "0300", BigDecimal.ONE, new BigDecimal("45.00"), DOS)));
  }

  private static String write(ClaimSubmission submission, ClaimBatchRepository.Parties parties, List<Claim837> read) {
    Claim837 claim = Claim837Assembly.claim(submission, parties);
    org.revcycle.x12.claim.ClaimType type = submission.claimType() == ClaimType.PROFESSIONAL
        ? org.revcycle.x12.claim.ClaimType.PROFESSIONAL : org.revcycle.x12.claim.ClaimType.INSTITUTIONAL;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Claim837Writer(new CountingControlNumbers(), CLOCK).write(out, InterchangeParties.of("REVCYCLE", "CLEARINGHOUSE", 'T'),
        List.of(new ClaimBatch(new ClaimBatchHeader(type, "B1", DOS, LocalTime.NOON, "CH",
            new Submitter(PartyName.organization("REVCYCLE"), "REVCYCLE", new Contact("BILLING", "5555550100", null, null)),
            new Receiver("CLEARINGHOUSE", "CLEARINGHOUSE")), List.of(claim))));
    Claim837ReadResult result = Claim837Reader.read(new ByteArrayInputStream(out.toByteArray()), (h, c) -> read.add(c));
    assertThat(result.problems()).isEmpty();
    return out.toString(StandardCharsets.US_ASCII);
  }

  @Test
  void anOriginalProfessionalClaimCarriesNoPayerClaimNumber() {
    List<Claim837> read = new ArrayList<>();
    String x12 = write(professional("1", "CMA00000000001", "SELF"), parties(null), read);

    assertThat(x12).contains("CLM*PCN-77*249.5***11:B:1*").doesNotContain("REF*F8");
    Claim837 claim = read.get(0);
    assertThat(claim.totalCharge()).isEqualByComparingTo("249.50");
    assertThat(claim.subscriber().relationship()).isEqualTo("18");
    assertThat(claim.subscriber().claimFilingIndicator()).isEqualTo("CI");
    assertThat(claim.diagnoses()).extracting(d -> d.code()).containsExactly("E119", "I10");
    assertThat(claim.rendering().npi()).isEqualTo("1245319599");
    assertThat(claim.rendering().name().lastOrOrganization()).isEqualTo("DOCTOR");
    assertThat(claim.lines().get(0).procedure().modifiers()).containsExactly("25");
  }

  @Test
  void aVoidIsFrequency8WithThePayersClaimNumberAndADependentPatient() {
    List<Claim837> read = new ArrayList<>();
    String x12 = write(professional("8", "CMA12345678901", "CHILD"), parties("Testparent"), read);

    assertThat(x12).contains("CLM*PCN-77*249.5***11:B:8*", "REF*F8*CMA12345678901~");
    Claim837 claim = read.get(0);
    assertThat(claim.frequencyCode()).isEqualTo("8");
    assertThat(claim.payerClaimControlNumber()).isEqualTo("CMA12345678901");
    assertThat(claim.patient().relationship()).isEqualTo("19");
    assertThat(claim.subscriber().name().lastOrOrganization()).isEqualTo("TESTPARENT");
  }

  @Test
  void anInpatientReplacementIsFrequency7WithStayDatesAndMedicarePartA() {
    List<Claim837> read = new ArrayList<>();
    String x12 = write(inpatient("7", "MCR00000000017"), parties(null, "MEDICARE"), read);

    assertThat(x12).contains("CLM*PCN-88*3045***11:A:7*", "REF*F8*MCR00000000017~", "REF*G1*AUTH-1~");
    Claim837 claim = read.get(0);
    assertThat(claim.billType()).isEqualTo("117");
    assertThat(claim.statementPeriod().from()).isEqualTo(DOS);
    assertThat(claim.statementPeriod().through()).isEqualTo(DOS.plusDays(3));
    assertThat(claim.admissionDate()).isEqualTo(DOS);
    assertThat(claim.subscriber().claimFilingIndicator()).isEqualTo("MA");
    assertThat(claim.attending().npi()).isEqualTo("1245319599");
  }
}
