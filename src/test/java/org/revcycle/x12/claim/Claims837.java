package org.revcycle.x12.claim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: made-up claims (no real people) and reading a file into a list. */
public final class Claims837 {

  private Claims837() {}

  record Read(List<ClaimBatchHeader> headers, List<Claim837> claims, Claim837ReadResult result) {}

  static Read read(byte[] bytes) {
    return read(new ByteArrayInputStream(bytes));
  }

  static Read read(InputStream in) {
    List<ClaimBatchHeader> headers = new ArrayList<>();
    List<Claim837> claims = new ArrayList<>();
    Claim837ReadResult result = Claim837Reader.read(in, (header, claim) -> {
      headers.add(header);
      claims.add(claim);
    });
    return new Read(headers, claims, result);
  }

  static Read resource(String path) {
    try (InputStream in = Claims837.class.getResourceAsStream("/x12/samples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  public static ClaimBatchHeader header(ClaimType type) {
    return new ClaimBatchHeader(type, "BATCH0001", LocalDate.of(2026, 3, 2), LocalTime.of(9, 30), "CH",
        new Submitter(PartyName.organization("RIVERSIDE GENERAL BILLING"), "RGB0001",
            new Contact("BILLING OFFICE", "5555550100", null, null)),
        new Receiver("TEST CLEARINGHOUSE", "CLH0001"));
  }

  public static BillingProvider billingProvider(String npi) {
    return new BillingProvider(PartyName.organization("RIVERSIDE GENERAL"), npi, "991234567", "282N00000X",
        new Address("100 RIVER ROAD", "SUITE 2", "SPRINGFIELD", "IL", "627010001"),
        new Contact("ANA BILLER", "5555550101", "12", "billing@example.org"), null);
  }

  public static Subscriber subscriber(String memberId, boolean isPatient) {
    return new Subscriber("P", isPatient ? "18" : null, "GRP100", null, "CI",
        new PartyName(PartyName.EntityType.PERSON, "TESTPERSON", "ALEX", "Q", null), memberId,
        LocalDate.of(1970, 1, 15), "F", Address.of("1 TEST LANE", "SPRINGFIELD", "IL", "62701"));
  }

  static Payer payer() {
    return new Payer("EXAMPLE HEALTH PLAN", "EHP01", null);
  }

  static Patient dependent() {
    return new Patient("19", PartyName.person("TESTPERSON", "SAM"), Address.of("1 TEST LANE", "SPRINGFIELD", "IL", "62701"),
        LocalDate.of(2010, 6, 1), "M");
  }

  /** An original professional claim with two lines, modifiers, units and pointers. */
  public static Claim837 professional(String pcn, BillingProvider provider, Subscriber subscriber, Patient patient) {
    return new Claim837(provider, subscriber, payer(), patient, pcn, money("175.50"), "11", "1", "Y", "A", "Y", "Y",
        null, null, null, null, null, null, null, "AUTH7788", null, null,
        List.of(HealthCareCode.of("ABK", "J0300"), HealthCareCode.of("ABF", "R05"), HealthCareCode.of("ABF", "E119")),
        List.of(new ClaimProvider("82", PartyName.person("DOCTOR", "DANA"), "1234567893", "207Q00000X", null,
            List.of(new ReferenceId("G2", "R-17")))),
        List.of(),
        List.of(
            new ServiceLine(1, null, Procedure.hcpcs("99213", "25"), money("125.50"), "UN", money("1"), null,
                List.of(1, 2), null, ServicePeriod.on(LocalDate.of(2026, 2, 20)), "L1", null, List.of(), List.of()),
            new ServiceLine(2, null, Procedure.hcpcs("J3301", "JZ", "RT"), money("50.00"), "UN", money("2.5"), "11",
                List.of(1, 2, 3, 1), null, ServicePeriod.between(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 21)),
                null, new Drug("00003029301", money("2"), "ML"), List.of(), List.of())));
  }

  /** A replacement (frequency 7) of a professional claim sent to a secondary payer after the primary paid. */
  static Claim837 professionalSecondary(String pcn) {
    OtherSubscriber primary = new OtherSubscriber("P", "18", "PRIM9", null, "MB",
        List.of(Adjustment.of("CO", "45", money("20.00")), Adjustment.of("PR", "1", money("10.00")),
            Adjustment.of("PR", "2", money("5.25"))),
        money("85.25"), null, money("15.25"), "Y", "P", "Y",
        PartyName.person("TESTPERSON", "ALEX"), "MBI123", null, "MEDICARE TEST", "MCR01", null,
        LocalDate.of(2026, 2, 28), "PAYERCLAIM42");
    return new Claim837(billingProvider("1234567893"), new Subscriber("S", "18", null, null, "CI",
        PartyName.person("TESTPERSON", "ALEX"), "SEC555", LocalDate.of(1950, 5, 5), "F", null), payer(), null,
        pcn, money("120.50"), "11", "7", "Y", "A", "Y", "Y", null, null, null, null, null, null, null, null,
        "ORIG-ICN-9", null, List.of(HealthCareCode.of("ABK", "I10")), List.of(), List.of(primary),
        List.of(new ServiceLine(1, null, Procedure.hcpcs("99214"), money("120.50"), "UN", money("1"), null,
            List.of(1), null, ServicePeriod.on(LocalDate.of(2026, 2, 3)), null, null, List.of(),
            List.of(new LineAdjudication("MCR01", money("85.25"), Procedure.hcpcs("99214"), null, money("1"), null,
                List.of(Adjustment.of("CO", "45", money("20.00")), Adjustment.of("PR", "1", money("15.25"))),
                LocalDate.of(2026, 2, 28), null)))));
  }

  /** An inpatient institutional claim: bill type 111, statement period, admission, CL1, attending. */
  public static Claim837 institutional(String pcn, Patient patient) {
    return new Claim837(billingProvider("1234567893"), subscriber("INS777", patient == null), payer(), patient,
        pcn, money("2450.00"), "11", "1", null, "A", "Y", "Y",
        ServicePeriod.between(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 13)), LocalDate.of(2026, 1, 10),
        LocalTime.of(8, 15), LocalTime.of(11, 0), "1", "7", "01", "PA-55", null, "MRN-0042",
        List.of(HealthCareCode.of("ABK", "J189"), HealthCareCode.of("ABJ", "R0602"), HealthCareCode.of("ABF", "E119"),
            HealthCareCode.of("ABF", "I10"), new HealthCareCode("BH", "11", "D8", "20260108", null),
            new HealthCareCode("BE", "80", null, null, money("3"))),
        List.of(new ClaimProvider("71", PartyName.person("ATTENDING", "AVA"), "1234567893", "207R00000X", null, List.of())),
        List.of(),
        List.of(
            new ServiceLine(1, "0120", null, money("2000.00"), "DA", money("3"), null, List.of(), null, null, null, null,
                List.of(), List.of()),
            new ServiceLine(2, "0300", Procedure.hcpcs("85025"), money("450.00"), "UN", money("2"), null, List.of(),
                money("50.00"), ServicePeriod.on(LocalDate.of(2026, 1, 11)), null, null, List.of(), List.of())));
  }
}
