package org.revcycle.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimSubmission.Line;
import org.revcycle.claim.ClaimType;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.ClaimAdjudication.Adjustment;
import org.revcycle.sandbox.SandboxNetwork.CostSharing;
import org.revcycle.sandbox.SandboxNetwork.Payer;
import org.revcycle.sandbox.SandboxNetwork.PayerContract;
import org.revcycle.sandbox.SandboxNetwork.PayerClass;

/**
 * The sandbox's payers and their clearinghouse: front-end edits (as a 999 or 277CA would report
 * them) and adjudication (as an 835 would report it). Each payer has its own contract (see
 * {@link SandboxNetwork#contract}): fee schedule, cost sharing, non-covered services, timely
 * filing limit and authorization policy. Denials come from something real about the claim where
 * one exists (coverage dates, no authorization, filing limit passed, the same services billed
 * twice, other primary coverage not billed first, an NCCI-bundled pair, a non-covered service, a
 * diagnosis that does not support the service) and otherwise from the configured probabilities.
 * Every random draw is a function of the seed and the claim alone (patient control number and
 * frequency code), so a claim gets the same answer however many claims arrive before it; the one
 * memory is of services already billed, which is what makes a duplicate a duplicate. Thread-safe.
 */
public final class SandboxPayers {

  /**
   * @param denial chance that a claim with no deterministic problem is denied anyway
   * @param frontEndRejection chance that a well-formed claim is rejected at the front end anyway
   * @param otherCoverage share of members the payers' records show with other primary coverage
   */
  public record Probabilities(double denial, double frontEndRejection, double otherCoverage) {

    public static final Probabilities DEFAULTS = new Probabilities(0.08, 0.02, 0.02);

    public Probabilities {
      for (double p : new double[] {denial, frontEndRejection, otherCoverage}) {
        if (p < 0 || p > 1) {
          throw new IllegalArgumentException("Probabilities must be between 0 and 1");
        }
      }
    }

    /** No member with other coverage beyond the test value. */
    public Probabilities(double denial, double frontEndRejection) {
      this(denial, frontEndRejection, 0);
    }
  }

  /** Where a front-end rejection is reported: the 999 (syntax of the file) or the 277CA (the claim). */
  public enum AcknowledgmentLevel {
    SYNTAX_999,
    CLAIM_277CA
  }

  /**
   * One front-end problem, typed for the file that reports it.
   *
   * @param field the claim field in revcycle's words (memberId, lines[2].revenueCode ...)
   * @param loop the 837 loop (2010BA, 2300, 2400 ...)
   * @param segment the segment (NM1, CLM, SV1 ...)
   * @param element the element (NM109, CLM05-3 ...)
   * @param category 277CA: the claim status category (A3 returned unprocessable, A6 missing, A7
   *     invalid, A8 relational); 999: the IK4 element syntax error code (1 missing, 7 invalid code value)
   * @param statusCode 277CA: the claim status code (code source 508); 999: null
   * @param message in words a biller acts on; never a member id or a name
   */
  public record Rejection(String field, AcknowledgmentLevel level, String loop, String segment, String element,
      String category, String statusCode, String message) {

    /** The plain-words reason, field first: "memberId: ... (277CA A7)". */
    public String reason() {
      return field + ": " + message + (level == AcknowledgmentLevel.SYNTAX_999 ? " (999 rejected)"
          : " (277CA " + category + ")");
    }
  }

  /**
   * @param reasons each names the claim field first ("memberId: ..."), in words a biller acts on
   * @param rejections the same problems, typed for the 999 or 277CA that reports them
   */
  public record FrontEndResult(boolean accepted, List<String> reasons, List<Rejection> rejections) {

    public FrontEndResult {
      reasons = List.copyOf(reasons);
      rejections = List.copyOf(rejections);
    }

    /** An outcome with reasons in words only (no typed rejections). */
    public FrontEndResult(boolean accepted, List<String> reasons) {
      this(accepted, reasons, List.of());
    }

    static FrontEndResult of(List<Rejection> rejections) {
      return new FrontEndResult(rejections.isEmpty(), rejections.stream().map(Rejection::reason).toList(), rejections);
    }

    /** Whether a problem is for the 999 (the file's syntax): the whole transaction set is rejected. */
    public boolean syntaxRejected() {
      return rejections.stream().anyMatch(r -> r.level() == AcknowledgmentLevel.SYNTAX_999);
    }
  }

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  // Medicare 2025: Part A deductible per benefit period (Part B's is in the contract).
  private static final BigDecimal MEDICARE_PART_A_DEDUCTIBLE = new BigDecimal("1676.00");

  private static final Set<String> OFFICE_VISITS =
      Set.of("99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");

  // Preventive care is covered without cost sharing (ACA for commercial plans, the annual wellness visit for Medicare).
  private static final Set<String> PREVENTIVE_VISITS = Set.of(
      "99381", "99382", "99383", "99384", "99385", "99386", "99387",
      "99391", "99392", "99393", "99394", "99395", "99396", "99397", "G0438", "G0439");

  /** A random denial's CARC, with its weight and the remark codes a payer sends with it. */
  private record DenialReason(String carc, int weight, List<String> remarks) {}

  /** What only the payer sees (records review, documentation): the reasons left to chance. */
  private static final List<DenialReason> DENIAL_REASONS = List.of(
      new DenialReason("16", 34, List.of("MA130", "N290")),
      new DenialReason("50", 20, List.of("N115")),
      new DenialReason("97", 16, List.of("M15")),
      new DenialReason("96", 14, List.of("N130")),
      new DenialReason("22", 16, List.of("N479")));

  /** Line-level denials the sandbox finds in the claim itself: CARC and its remark. */
  private static final Map<String, String> LINE_REMARKS = Map.of("96", "N130", "97", "M15", "50", "N115");

  /** Front-end rejections that a well-formed claim still gets, for reasons only the payer can see. */
  private static final List<Rejection> RANDOM_REJECTIONS = List.of(
      claimLevel("memberId", "2010BA", "NM1", "NM109", "A3", "33",
          "Subscriber not found in the payer's eligibility file"),
      claimLevel("patientBirthDate", "2010BA", "DMG", "DMG02", "A7", "158",
          "Patient date of birth does not match the payer's records"),
      claimLevel("billingNpi", "2010AA", "NM1", "NM109", "A3", "562",
          "Billing provider is not enrolled with this payer"),
      claimLevel("renderingNpi", "2310B", "NM1", "NM109", "A7", "562",
          "Rendering provider is not on file with this payer"),
      claimLevel("diagnoses", "2300", "HI", "HI01-2", "A7", "255",
          "A diagnosis code is not valid for the date of service"));

  private static final DateTimeFormatter TRACE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  /** How many billed services the payers remember for duplicate checks (oldest forgotten first). */
  private static final int REMEMBERED_SERVICES = 200_000;

  private final SandboxNetwork network;
  private final long seed;
  private final Probabilities probabilities;
  private final Map<String, Pattern> memberIdPatterns;
  /** Services billed (payer, member, date, lines) -> the patient control number that billed them first. */
  private final Map<String, String> billed = Collections.synchronizedMap(new LinkedHashMap<>(1_024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED_SERVICES;
    }
  });

  public SandboxPayers(SandboxNetwork network, long seed, Probabilities probabilities) {
    this.network = Objects.requireNonNull(network);
    this.seed = seed;
    this.probabilities = Objects.requireNonNull(probabilities);
    this.memberIdPatterns = network.payers().stream()
        .collect(Collectors.toUnmodifiableMap(Payer::id, p -> Pattern.compile(p.memberIdPattern())));
  }

  // ---- front end (999 / 277CA) ----

  public FrontEndResult check(ClaimSubmission claim) {
    List<Rejection> rejections = formatProblems(claim);
    if (rejections.isEmpty()
        && randomFor("front-end", claim).nextDouble() < probabilities.frontEndRejection()) {
      rejections.add(RANDOM_REJECTIONS.get(randomFor("front-end-reason", claim).nextInt(RANDOM_REJECTIONS.size())));
    }
    return FrontEndResult.of(rejections);
  }

  /** The edits any payer's front end applies to every claim: nothing random here. */
  private List<Rejection> formatProblems(ClaimSubmission claim) {
    List<Rejection> problems = new ArrayList<>();
    boolean professional = claim.claimType() == ClaimType.PROFESSIONAL;
    if (blank(claim.patientControlNumber())) {
      problems.add(syntax("patientControlNumber", "2300", "CLM", "CLM01", "1",
          "the claim has no patient control number (CLM01)"));
    }
    if (claim.claimType() == null) {
      problems.add(syntax("claimType", "ST", "ST", "ST03", "7",
          "the claim is neither professional (005010X222A1) nor institutional (005010X223A2)"));
    }
    if (blank(claim.payerId())) {
      problems.add(syntax("payerId", "2010BB", "NM1", "NM109", "1",
          "the claim names no payer (self-pay claims are not sent to a payer)"));
    } else if (network.payer(claim.payerId()).isEmpty()) {
      problems.add(claimLevel("payerId", "2010BB", "NM1", "NM109", "A3", "116",
          "payer " + claim.payerId() + " is not known to the clearinghouse"));
    } else if (blank(claim.memberId())) {
      problems.add(claimLevel("memberId", "2010BA", "NM1", "NM109", "A6", "164",
          "the subscriber's member id is missing"));
    } else if (!memberIdPatterns.get(claim.payerId()).matcher(claim.memberId()).matches()) {
      // The value stays out of the message: member ids are not to appear in logs.
      problems.add(claimLevel("memberId", "2010BA", "NM1", "NM109", "A7", "164",
          "does not match the member id format of " + claim.payerId()));
    }
    if (!Set.of("1", "7", "8").contains(String.valueOf(claim.frequencyCode()))) {
      problems.add(claimLevel("frequencyCode", "2300", "CLM", "CLM05-3", "A7", "535",
          "must be 1 (original), 7 (replacement) or 8 (void)"));
    } else if (!"1".equals(claim.frequencyCode()) && blank(claim.payerClaimNumber())) {
      problems.add(claimLevel("payerClaimNumber", "2300", "REF", "REF02 (F8)", "A6", "464",
          "a replacement or void must carry the payer's claim number of the original"));
    }
    if (!SandboxNetwork.isValidNpi(claim.billingNpi())) {
      problems.add(claimLevel("billingNpi", "2010AA", "NM1", "NM109", "A7", "562",
          "not a valid NPI (10 digits with a correct check digit)"));
    }
    if (claim.renderingNpi() != null && !SandboxNetwork.isValidNpi(claim.renderingNpi())) {
      problems.add(claimLevel("renderingNpi", professional ? "2310B" : "2310D", "NM1", "NM109", "A7", "562",
          "not a valid NPI (10 digits with a correct check digit)"));
    }
    if (claim.serviceDate() == null) {
      problems.add(claimLevel("serviceDate", professional ? "2400" : "2300", "DTP",
          professional ? "DTP03 (472)" : "DTP03 (434)", "A6", "187", "the claim has no date of service"));
    } else if (claim.dischargeDate() != null && claim.dischargeDate().isBefore(claim.serviceDate())) {
      problems.add(claimLevel("dischargeDate", "2300", "DTP", "DTP03 (434)", "A8", "187",
          "the discharge date is before the admission date"));
    }
    if (claim.diagnoses() == null || claim.diagnoses().isEmpty()) {
      problems.add(claimLevel("diagnoses", "2300", "HI", "HI01", "A6", "255", "the claim has no diagnosis code"));
    }
    if (claim.lines() == null || claim.lines().isEmpty()) {
      problems.add(claimLevel("lines", "2400", "LX", "LX01", "A6", "21", "the claim has no service lines"));
    } else {
      for (int i = 0; i < claim.lines().size(); i++) {
        Line line = claim.lines().get(i);
        String field = "lines[" + (i + 1) + "]";
        if (professional && blank(line.procedureCode())) {
          problems.add(claimLevel(field + ".procedureCode", "2400", "SV1", "SV101-2", "A6", "454",
              "professional line " + (i + 1) + " has no procedure code"));
        }
        if (claim.claimType() == ClaimType.INSTITUTIONAL && blank(line.revenueCode())) {
          problems.add(claimLevel(field + ".revenueCode", "2400", "SV2", "SV201", "A6", "21",
              "institutional line " + (i + 1) + " has no revenue code"));
        }
        if (line.charge() == null || line.charge().signum() < 0) {
          problems.add(claimLevel(field + ".charge", "2400", professional ? "SV1" : "SV2",
              professional ? "SV102" : "SV203", "A7", "178", "line " + (i + 1) + " has no charge or a negative one"));
        }
      }
    }
    return problems;
  }

  private static Rejection syntax(String field, String loop, String segment, String element, String ik4Code,
      String message) {
    return new Rejection(field, AcknowledgmentLevel.SYNTAX_999, loop, segment, element, ik4Code, null, message);
  }

  private static Rejection claimLevel(String field, String loop, String segment, String element, String category,
      String statusCode, String message) {
    return new Rejection(field, AcknowledgmentLevel.CLAIM_277CA, loop, segment, element, category, statusCode, message);
  }

  // ---- adjudication (835) ----

  /** Prefix of the prior authorization test value that makes the payer deny (see adjudicate). */
  public static final String DENY_TEST_VALUE = "SANDBOX-DENY-";

  /**
   * The payer's decision. Expects a claim that passes the front end's format edits (call
   * {@link #check} first); a claim that fails them is refused with an IllegalArgumentException,
   * since no payer would adjudicate it. The same claim again (same patient control number and
   * frequency) gets the same decision; the same services under another claim number are a
   * duplicate (CARC 18).
   */
  public ClaimAdjudication adjudicate(ClaimSubmission claim, LocalDate paymentDate) {
    List<Rejection> problems = formatProblems(claim);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Claim " + claim.patientControlNumber()
          + " would be rejected at the front end: " + String.join("; ", problems.stream().map(Rejection::reason).toList()));
    }
    Objects.requireNonNull(paymentDate, "paymentDate");
    if ("8".equals(claim.frequencyCode())) {
      return reversal(claim, paymentDate);
    }
    String firstBilledBy = "1".equals(claim.frequencyCode())
        ? billed.computeIfAbsent(servicesBilled(claim), k -> claim.patientControlNumber())
        : claim.patientControlNumber();
    return decide(claim, paymentDate, !firstBilledBy.equals(claim.patientControlNumber()));
  }

  private ClaimAdjudication decide(ClaimSubmission claim, LocalDate paymentDate, boolean duplicate) {
    Payer payer = network.payer(claim.payerId()).orElseThrow();
    PayerContract contract = network.contract(payer.id());
    BigDecimal charge = claim.totalCharge().setScale(2, RoundingMode.UNNECESSARY);
    String payerClaimNumber = payerClaimNumber(claim);
    String trace = traceNumber(payer, paymentDate);
    boolean original = "1".equals(claim.frequencyCode());

    // Test value, like a payment sandbox's test card numbers: an original claim whose prior
    // authorization reads SANDBOX-DENY-<CARC> is denied with that reason; its replacement is not.
    String authorization = claim.priorAuthorization() == null ? "" : claim.priorAuthorization();
    if (authorization.startsWith(DENY_TEST_VALUE) && original) {
      return denial(claim, payerClaimNumber, charge, authorization.substring(DENY_TEST_VALUE.length()), List.of(),
          paymentDate, trace);
    }
    if (duplicate) {
      return denial(claim, payerClaimNumber, charge, "18", List.of(), paymentDate, trace);
    }
    if (!coverageActive(claim)) {
      return denial(claim, payerClaimNumber, charge, "27", List.of(), paymentDate, trace);
    }
    List<String> procedures = claim.lines().stream().map(Line::procedureCode).filter(Objects::nonNull).toList();
    List<String> revenueCodes = claim.lines().stream().map(Line::revenueCode).filter(Objects::nonNull).toList();
    if (blank(claim.priorAuthorization())
        && network.priorAuthorizationRequired(payer.id(), claim.dischargeDate() != null, procedures, revenueCodes)) {
      return denial(claim, payerClaimNumber, charge, "197", List.of("M62"), paymentDate, trace);
    }
    // The sandbox keeps no receipt date, so the payment date stands in for it.
    if (ChronoUnit.DAYS.between(claim.serviceDate(), paymentDate) > payer.timelyFilingDays()) {
      return denial(claim, payerClaimNumber, charge, "29", List.of(), paymentDate, trace);
    }
    // A replacement is taken as corrected: what was wrong with the original (the primary's
    // payment, the record, a modifier) was fixed by the biller, and a second look is rarely a denial.
    if (original && hasOtherPrimaryCoverage(payer, claim.memberId())) {
      return denial(claim, payerClaimNumber, charge, "22", List.of("N479"), paymentDate, trace);
    }

    SplittableRandom random = randomFor("adjudicate", claim);
    double denialRate = original ? probabilities.denial() : probabilities.denial() / 4;
    if (random.nextDouble() < denialRate) {
      DenialReason reason = drawDenialReason(random);
      List<String> remarks = reason.remarks().isEmpty()
          ? List.of()
          : List.of(reason.remarks().get(random.nextInt(reason.remarks().size())));
      return denial(claim, payerClaimNumber, charge, reason.carc(), remarks, paymentDate, trace);
    }
    return payment(claim, payer, contract, charge, random, payerClaimNumber, paymentDate, trace, original);
  }

  /** The CARC a line is denied with on its own (96 non-covered, 97 bundled, 50 not supported), or null. */
  private static String lineDenial(ClaimSubmission claim, Line line, PayerContract contract) {
    if (line.procedureCode() != null && contract.nonCoveredCodes().contains(line.procedureCode())) {
      return "96";
    }
    if (SandboxNetwork.bundledInto(line, claim.lines()).isPresent()) {
      return "97";
    }
    if (!SandboxNetwork.medicallyNecessary(line.procedureCode(), claim.diagnoses())) {
      return "50";
    }
    return null;
  }

  private ClaimAdjudication payment(ClaimSubmission claim, Payer payer, PayerContract contract, BigDecimal charge,
      SplittableRandom random, String payerClaimNumber, LocalDate paymentDate, String trace, boolean original) {
    boolean institutional = claim.claimType() == ClaimType.INSTITUTIONAL;
    Map<String, BigDecimal> lineDenials = new LinkedHashMap<>();
    BigDecimal allowed = ZERO;
    List<Line> payable = new ArrayList<>();
    Map<Line, String> deniedLines = new LinkedHashMap<>();
    List<BigDecimal> allowedByLine = new ArrayList<>();
    for (Line line : claim.lines()) {
      String carc = original ? lineDenial(claim, line, contract) : null;
      if (carc != null) {
        lineDenials.merge(carc, line.charge().setScale(2), BigDecimal::add);
        deniedLines.put(line, carc);
      } else {
        payable.add(line);
        BigDecimal lineAllowed = contract.feeSchedule().allowed(line, institutional);
        allowedByLine.add(lineAllowed);
        allowed = allowed.add(lineAllowed);
      }
    }
    if (payable.isEmpty()) {
      String carc = lineDenials.keySet().iterator().next();
      return denial(claim, payerClaimNumber, charge, carc, List.of(LINE_REMARKS.get(carc)), paymentDate, trace);
    }
    List<Adjustment> adjustments = new ArrayList<>();
    List<String> remarks = lineDenials.keySet().stream().map(LINE_REMARKS::get).toList();

    CostSharing sharing = contract.costSharing();
    PatientPlan plan = planOf(payer, sharing, claim.memberId());
    List<String> procedures = payable.stream().map(Line::procedureCode).filter(Objects::nonNull).toList();
    boolean preventive = procedures.stream().anyMatch(PREVENTIVE_VISITS::contains);
    // Some plans pay in full after the contractual write-down (out-of-pocket maximum met, rich
    // plans); with Medicaid and preventive care that leaves about 30% of paid claims with no PR.
    boolean paidInFull = random.nextDouble() < 0.08;
    boolean inpatient = claim.dischargeDate() != null;

    BigDecimal deductible = ZERO;
    BigDecimal coinsurance = ZERO;
    BigDecimal copay = ZERO;
    if (payer.payerClass() != PayerClass.MEDICAID && !preventive && !paidInFull) {
      boolean officeVisit = !institutional && procedures.stream().anyMatch(OFFICE_VISITS::contains);
      boolean emergencyVisit = institutional && !inpatient
          && payable.stream().anyMatch(l -> "0450".equals(l.revenueCode()));
      if (plan.officeCopay() != null && officeVisit) {
        copay = plan.officeCopay().min(allowed);
      } else if (plan.emergencyCopay() != null && emergencyVisit) {
        copay = plan.emergencyCopay().min(allowed);
      } else {
        boolean partA = payer.payerClass() == PayerClass.MEDICARE && inpatient;
        BigDecimal outstanding = partA && plan.deductibleOutstanding().signum() > 0
            ? MEDICARE_PART_A_DEDUCTIBLE : plan.deductibleOutstanding();
        deductible = outstanding.min(allowed);
        // Medicare Part A charges no coinsurance for the first 60 days of a stay.
        coinsurance = partA ? ZERO
            : allowed.subtract(deductible).multiply(sharing.coinsurance()).setScale(2, RoundingMode.HALF_UP);
      }
    }
    BigDecimal patientResponsibility = deductible.add(coinsurance).add(copay);
    BigDecimal paid = allowed.subtract(patientResponsibility);
    List<ClaimAdjudication.ServiceLine> services = serviceLines(claim, payable, allowedByLine, deniedLines,
        deductible, coinsurance, copay);
    // every CAS is a line's: the claim's adjustments are its lines' adjustments, line by line
    services.forEach(svc -> adjustments.addAll(svc.adjustments()));
    return new ClaimAdjudication(claim.patientControlNumber(), payer.id(), payerClaimNumber, "1", charge, paid,
        patientResponsibility, List.copyOf(adjustments), remarks, paymentDate, trace, services);
  }

  /**
   * The decision line by line, as an 835's SVC loops carry it: each billed line with its charge,
   * its payment and its own CAS (its contractual write-down or denial, its part of the deductible,
   * coinsurance and copay), balanced per line (charge − CAS = paid). The patient's share is spread
   * over the paid lines in proportion to what each leaves open, to the cent, so the lines add up to
   * the claim.
   */
  private static List<ClaimAdjudication.ServiceLine> serviceLines(ClaimSubmission claim, List<Line> payable,
      List<BigDecimal> allowedByLine, Map<Line, String> deniedLines, BigDecimal deductible, BigDecimal coinsurance,
      BigDecimal copay) {
    BigDecimal[] open = allowedByLine.stream().map(a -> a.setScale(2)).toArray(BigDecimal[]::new);
    BigDecimal[] lineDeductible = spread(deductible, open);
    BigDecimal[] lineCoinsurance = spread(coinsurance, open);
    BigDecimal[] lineCopay = spread(copay, open);
    List<ClaimAdjudication.ServiceLine> services = new ArrayList<>();
    int sequence = 0;
    for (Line line : claim.lines()) {
      sequence++;
      BigDecimal lineCharge = line.charge().setScale(2);
      List<Adjustment> lineAdjustments = new ArrayList<>();
      BigDecimal linePaid;
      String carc = deniedLines.get(line);
      if (carc != null) {
        add(lineAdjustments, "CO", carc, lineCharge);
        linePaid = ZERO;
      } else {
        int n = payable.indexOf(line);
        BigDecimal lineAllowed = allowedByLine.get(n).setScale(2);
        add(lineAdjustments, "CO", "45", lineCharge.subtract(lineAllowed));
        add(lineAdjustments, "PR", "1", lineDeductible[n]);
        add(lineAdjustments, "PR", "2", lineCoinsurance[n]);
        add(lineAdjustments, "PR", "3", lineCopay[n]);
        linePaid = lineAllowed.subtract(lineDeductible[n]).subtract(lineCoinsurance[n]).subtract(lineCopay[n]);
      }
      String code = line.procedureCode() != null ? line.procedureCode() : line.revenueCode();
      services.add(new ClaimAdjudication.ServiceLine(sequence, line.lineNumber(), null,
          String.valueOf(line.lineNumber()), code, lineCharge, linePaid, lineAdjustments));
    }
    return services;
  }

  /**
   * An amount split over lines in proportion to what each still has open, never more than that and
   * to the cent (the amount is at most the total open); takes what it gives from {@code open}.
   */
  static BigDecimal[] spread(BigDecimal amount, BigDecimal[] open) {
    BigDecimal[] shares = new BigDecimal[open.length];
    BigDecimal total = java.util.Arrays.stream(open).reduce(ZERO, BigDecimal::add);
    BigDecimal given = ZERO;
    for (int i = 0; i < open.length; i++) {
      shares[i] = total.signum() <= 0 || open[i].signum() <= 0 ? ZERO
          : amount.multiply(open[i]).divide(total, 2, RoundingMode.DOWN).min(open[i]);
      given = given.add(shares[i]);
    }
    // the cents rounding left over go to the first lines with room
    BigDecimal left = amount.subtract(given);
    for (int i = 0; i < open.length && left.signum() > 0; i++) {
      BigDecimal more = left.min(open[i].subtract(shares[i]));
      if (more.signum() > 0) {
        shares[i] = shares[i].add(more);
        left = left.subtract(more);
      }
    }
    for (int i = 0; i < open.length; i++) {
      open[i] = open[i].subtract(shares[i]);
    }
    return shares;
  }

  /**
   * The payer's allowed amount for a claim it pays in full, line by line from its fee schedule
   * (no line denials, no cost sharing): what the fee schedule tests check the 835 against.
   */
  public BigDecimal allowed(ClaimSubmission claim) {
    PayerContract contract = network.contract(claim.payerId());
    boolean institutional = claim.claimType() == ClaimType.INSTITUTIONAL;
    return claim.lines().stream().map(l -> contract.feeSchedule().allowed(l, institutional))
        .reduce(ZERO, BigDecimal::add);
  }

  /**
   * Whether the payer's records show other coverage that pays first: a member id ending in 22
   * (before a dependent suffix) always, a configured share of members otherwise, fixed per member.
   */
  boolean hasOtherPrimaryCoverage(Payer payer, String memberId) {
    String number = memberId.replaceFirst("-0[1-9]$", "");
    if (number.endsWith("22")) {
      return true;
    }
    return new SplittableRandom(SandboxNetwork.hash(seed, "other-coverage", payer.id(), memberId)).nextDouble()
        < probabilities.otherCoverage();
  }

  /** The same services: payer, member, date, and every line's code, units and charge. */
  private static String servicesBilled(ClaimSubmission claim) {
    StringBuilder key = new StringBuilder(claim.payerId()).append('|').append(claim.memberId()).append('|')
        .append(claim.serviceDate());
    claim.lines().stream()
        .map(l -> l.procedureCode() + "/" + l.revenueCode() + "/" + l.units() + "/" + l.charge().setScale(2) + "/"
            + l.serviceDate())
        .sorted().forEach(l -> key.append('|').append(l));
    return key.toString();
  }

  /**
   * What a patient's plan leaves to them, fixed per member (so one patient's claims agree): whether
   * the deductible is still open and how much, and the copays (null: the plan has none).
   */
  private record PatientPlan(BigDecimal deductibleOutstanding, BigDecimal officeCopay, BigDecimal emergencyCopay) {}

  private PatientPlan planOf(Payer payer, CostSharing sharing, String memberId) {
    SplittableRandom random = new SplittableRandom(SandboxNetwork.hash(seed, "member", payer.id(), memberId));
    boolean deductibleOpen = random.nextDouble() < sharing.deductibleOpenRate();
    BigDecimal deductible = deductibleOpen
        ? sharing.deductibles().get(random.nextInt(sharing.deductibles().size()))
        : ZERO;
    BigDecimal officeCopay = null;
    BigDecimal emergencyCopay = null;
    if (sharing.officeCopayFrom() != null) {
      officeCopay = sharing.officeCopayFrom().add(sharing.copayStep().multiply(BigDecimal.valueOf(
          random.nextInt(sharing.copaySteps()))));
      emergencyCopay = sharing.emergencyCopayFrom().add(sharing.copayStep().multiply(BigDecimal.TEN)
          .multiply(BigDecimal.valueOf(random.nextInt(sharing.copaySteps() - 1))));
    }
    return new PatientPlan(deductible, officeCopay, emergencyCopay);
  }

  private DenialReason drawDenialReason(SplittableRandom random) {
    int r = random.nextInt(DENIAL_REASONS.stream().mapToInt(DenialReason::weight).sum());
    for (DenialReason reason : DENIAL_REASONS) {
      r -= reason.weight();
      if (r < 0) {
        return reason;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private ClaimAdjudication denial(ClaimSubmission claim, String payerClaimNumber, BigDecimal charge, String carc,
      List<String> remarks, LocalDate paymentDate, String trace) {
    return new ClaimAdjudication(claim.patientControlNumber(), claim.payerId(), payerClaimNumber, "4", charge, ZERO,
        ZERO, List.of(new Adjustment("CO", carc, charge)), remarks, paymentDate, trace);
  }

  /**
   * A void takes back what the payer decided on the claim it voids (CLP02 22, every amount
   * negated). The original's frequency is read from its payer claim number, which this sandbox
   * ends with it, and its decision is recomputed: that is what makes voids work without state.
   */
  private ClaimAdjudication reversal(ClaimSubmission voided, LocalDate paymentDate) {
    String number = voided.payerClaimNumber();
    String originalFrequency = number.startsWith(voided.payerId()) && number.endsWith("7") ? "7" : "1";
    ClaimSubmission original = new ClaimSubmission(voided.patientControlNumber(), voided.claimType(),
        originalFrequency, "7".equals(originalFrequency) ? number : null, voided.payerId(), voided.memberId(),
        voided.subscriberRelationship(), voided.coverageStart(), voided.coverageEnd(), voided.facilityId(),
        voided.billingNpi(), voided.renderingNpi(), voided.patientBirthDate(), voided.patientSex(),
        voided.serviceDate(), voided.dischargeDate(), voided.priorAuthorization(), voided.diagnoses(),
        voided.lines());
    // the original's decision again, a duplicate included, without billing its services again
    String firstBilledBy = billed.get(servicesBilled(original));
    ClaimAdjudication decided = decide(original, paymentDate,
        "1".equals(originalFrequency) && firstBilledBy != null && !firstBilledBy.equals(original.patientControlNumber()));
    return negated(decided, number, paymentDate, decided.traceNumber());
  }

  /**
   * What a payer sends before its decision on a replacement (frequency 7) of a claim it paid: the
   * earlier decision taken back (CLP02 22, every amount negated, line by line), so the claim is not
   * paid twice. A whole-claim denial moved no money and is not taken back.
   *
   * @return empty when there is nothing to take back (a denial, or a reversal already)
   */
  public Optional<ClaimAdjudication> takeBackBeforeReplacement(ClaimAdjudication earlier, LocalDate paymentDate) {
    if (earlier.denied() || "22".equals(earlier.statusCode())) {
      return Optional.empty();
    }
    Payer payer = network.payer(earlier.payerId()).orElseThrow();
    return Optional.of(negated(earlier, earlier.payerClaimNumber(), paymentDate, traceNumber(payer, paymentDate)));
  }

  private static ClaimAdjudication negated(ClaimAdjudication decided, String payerClaimNumber, LocalDate paymentDate,
      String traceNumber) {
    List<Adjustment> negated = decided.adjustments().stream()
        .map(a -> new Adjustment(a.groupCode(), a.reasonCode(), a.amount().negate())).toList();
    // line by line as the original was: each SVC taken back on its own
    List<ClaimAdjudication.ServiceLine> lines = decided.lines().stream()
        .map(l -> new ClaimAdjudication.ServiceLine(l.sequence(), l.claimLineNumber(), l.reference(), l.lineControlNumber(),
            l.procedureCode(), l.charge().negate(), l.paid().negate(), l.adjustments().stream()
                .map(a -> new Adjustment(a.groupCode(), a.reasonCode(), a.amount().negate())).toList()))
        .toList();
    return new ClaimAdjudication(decided.patientControlNumber(), decided.payerId(), payerClaimNumber, "22",
        decided.charge().negate(), decided.paid().negate(), decided.patientResponsibility().negate(), negated,
        List.of(), paymentDate, traceNumber, lines);
  }

  private static boolean coverageActive(ClaimSubmission claim) {
    LocalDate day = claim.serviceDate();
    return (claim.coverageStart() == null || !claim.coverageStart().isAfter(day))
        && (claim.coverageEnd() == null || !claim.coverageEnd().isBefore(day));
  }

  /** The payer's claim number (CLP07): payer id, eleven digits, and the claim's frequency code last. */
  private String payerClaimNumber(ClaimSubmission claim) {
    long digits = Math.floorMod(
        SandboxNetwork.hash(seed, "claim-number", claim.payerId(), claim.patientControlNumber(), claim.frequencyCode()),
        100_000_000_000L);
    return claim.payerId() + String.format("%011d", digits) + claim.frequencyCode();
  }

  /**
   * One EFT per payer and payment day, as a real 835 batch: the payer's position in the network
   * list, the date, and four digits from the seed. Unique per payer and day by construction.
   */
  private String traceNumber(Payer payer, LocalDate paymentDate) {
    int payerNumber = network.payers().indexOf(payer) + 1;
    long suffix = Math.floorMod(SandboxNetwork.hash(seed, "trace", payer.id(), paymentDate.toString()), 10_000L);
    return String.format("%02d%s%04d", payerNumber, TRACE_DATE.format(paymentDate), suffix);
  }

  private SplittableRandom randomFor(String purpose, ClaimSubmission claim) {
    return new SplittableRandom(
        SandboxNetwork.hash(seed, purpose, claim.patientControlNumber(), claim.frequencyCode()));
  }

  private static void add(List<Adjustment> adjustments, String group, String carc, BigDecimal amount) {
    if (amount.signum() != 0) {
      adjustments.add(new Adjustment(group, carc, amount));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
