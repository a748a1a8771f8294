package org.revcycle.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.revcycle.claim.ClaimSubmission;
import org.revcycle.claim.ClaimSubmission.Line;
import org.revcycle.claim.ClaimType;
import org.revcycle.remittance.ClaimAdjudication;
import org.revcycle.remittance.ClaimAdjudication.Adjustment;
import org.revcycle.sandbox.SandboxNetwork.Payer;
import org.revcycle.sandbox.SandboxNetwork.PayerClass;

/**
 * The sandbox's payers and their clearinghouse: front-end edits (as a 999 or 277CA would report
 * them) and adjudication (as an 835 would report it). Every outcome is a function of the seed and
 * the claim alone (patient control number and frequency code pick the random draws), so a claim
 * gets the same answer however many claims arrive before it, in any order. Stateless and
 * thread-safe.
 */
public final class SandboxPayers {

  /**
   * @param denial chance that a claim with no deterministic problem is denied anyway
   * @param frontEndRejection chance that a well-formed claim is rejected at the front end anyway
   */
  public record Probabilities(double denial, double frontEndRejection) {

    public static final Probabilities DEFAULTS = new Probabilities(0.08, 0.02);

    public Probabilities {
      if (denial < 0 || denial > 1 || frontEndRejection < 0 || frontEndRejection > 1) {
        throw new IllegalArgumentException("Probabilities must be between 0 and 1");
      }
    }
  }

  /** @param reasons each names the claim field first ("memberId: ..."), in words a biller acts on */
  public record FrontEndResult(boolean accepted, List<String> reasons) {

    public FrontEndResult {
      reasons = List.copyOf(reasons);
    }
  }

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  private static final BigDecimal COINSURANCE = new BigDecimal("0.20");

  // Medicare 2025: Part B annual deductible, Part A deductible per benefit period.
  private static final BigDecimal MEDICARE_PART_B_DEDUCTIBLE = new BigDecimal("257.00");
  private static final BigDecimal MEDICARE_PART_A_DEDUCTIBLE = new BigDecimal("1676.00");

  /** Share of charges a payer allows on average; each code varies within ±10% of it. */
  private static final Map<String, BigDecimal> FEE_SCHEDULE_RATE = Map.of(
      "MCR", new BigDecimal("0.45"),
      "MCD", new BigDecimal("0.38"),
      "MCO", new BigDecimal("0.40"),
      "CMA", new BigDecimal("0.62"),
      "CMB", new BigDecimal("0.70"));

  private static final Set<String> OFFICE_VISITS =
      Set.of("99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215");

  // Preventive care is covered without cost sharing (ACA for commercial plans, the annual wellness visit for Medicare).
  private static final Set<String> PREVENTIVE_VISITS = Set.of(
      "99381", "99382", "99383", "99384", "99385", "99386", "99387",
      "99391", "99392", "99393", "99394", "99395", "99396", "99397", "G0438", "G0439");

  /** A random denial's CARC, with its weight and the remark codes a payer sends with it. */
  private record DenialReason(String carc, int weight, List<String> remarks) {}

  private static final List<DenialReason> DENIAL_REASONS = List.of(
      new DenialReason("16", 30, List.of("MA130", "N290")),
      new DenialReason("50", 16, List.of()),
      new DenialReason("97", 15, List.of()),
      new DenialReason("18", 10, List.of()),
      new DenialReason("96", 11, List.of("N130")),
      new DenialReason("22", 10, List.of()),
      new DenialReason("29", 8, List.of()));

  /** Front-end rejections that a well-formed claim still gets, for reasons only the payer can see. */
  private static final List<String> RANDOM_REJECTIONS = List.of(
      "memberId: Subscriber not found in the payer's eligibility file (277CA A3/A7)",
      "patientBirthDate: Patient date of birth does not match the payer's records (277CA A7)",
      "billingNpi: Billing provider is not enrolled with this payer (277CA A3)",
      "renderingNpi: Rendering provider is not on file with this payer (277CA A7)",
      "diagnoses: A diagnosis code is not valid for the date of service (277CA A7)");

  private static final DateTimeFormatter TRACE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

  private final SandboxNetwork network;
  private final long seed;
  private final Probabilities probabilities;
  private final Map<String, Pattern> memberIdPatterns;

  public SandboxPayers(SandboxNetwork network, long seed, Probabilities probabilities) {
    this.network = Objects.requireNonNull(network);
    this.seed = seed;
    this.probabilities = Objects.requireNonNull(probabilities);
    this.memberIdPatterns = network.payers().stream()
        .collect(Collectors.toUnmodifiableMap(Payer::id, p -> Pattern.compile(p.memberIdPattern())));
  }

  // ---- front end (999 / 277CA) ----

  public FrontEndResult check(ClaimSubmission claim) {
    List<String> reasons = formatProblems(claim);
    if (reasons.isEmpty()
        && randomFor("front-end", claim).nextDouble() < probabilities.frontEndRejection()) {
      reasons.add(RANDOM_REJECTIONS.get(randomFor("front-end-reason", claim).nextInt(RANDOM_REJECTIONS.size())));
    }
    return new FrontEndResult(reasons.isEmpty(), reasons);
  }

  /** The edits any payer's front end applies to every claim: nothing random here. */
  private List<String> formatProblems(ClaimSubmission claim) {
    List<String> reasons = new ArrayList<>();
    if (blank(claim.patientControlNumber())) {
      reasons.add("patientControlNumber: the claim has no patient control number (CLM01) (999 rejected)");
    }
    if (claim.claimType() == null) {
      reasons.add("claimType: the claim is neither professional nor institutional (999 rejected)");
    }
    if (blank(claim.payerId())) {
      reasons.add("payerId: the claim names no payer (self-pay claims are not sent to a payer)");
    } else if (network.payer(claim.payerId()).isEmpty()) {
      reasons.add("payerId: payer " + claim.payerId() + " is not known to the clearinghouse (277CA A3)");
    } else if (blank(claim.memberId())) {
      reasons.add("memberId: the subscriber's member id is missing (277CA A6)");
    } else if (!memberIdPatterns.get(claim.payerId()).matcher(claim.memberId()).matches()) {
      // The value stays out of the message: member ids are not to appear in logs.
      reasons.add("memberId: does not match the member id format of " + claim.payerId() + " (277CA A7)");
    }
    if (!Set.of("1", "7", "8").contains(String.valueOf(claim.frequencyCode()))) {
      reasons.add("frequencyCode: must be 1 (original), 7 (replacement) or 8 (void) (277CA A7)");
    } else if (!"1".equals(claim.frequencyCode()) && blank(claim.payerClaimNumber())) {
      reasons.add("payerClaimNumber: a replacement or void must carry the payer's claim number of the original (277CA A6)");
    }
    if (!SandboxNetwork.isValidNpi(claim.billingNpi())) {
      reasons.add("billingNpi: not a valid NPI (10 digits with a correct check digit) (277CA A7)");
    }
    if (claim.renderingNpi() != null && !SandboxNetwork.isValidNpi(claim.renderingNpi())) {
      reasons.add("renderingNpi: not a valid NPI (10 digits with a correct check digit) (277CA A7)");
    }
    if (claim.serviceDate() == null) {
      reasons.add("serviceDate: the claim has no date of service (277CA A6)");
    } else if (claim.dischargeDate() != null && claim.dischargeDate().isBefore(claim.serviceDate())) {
      reasons.add("dischargeDate: the discharge date is before the admission date (277CA A8)");
    }
    if (claim.diagnoses() == null || claim.diagnoses().isEmpty()) {
      reasons.add("diagnoses: the claim has no diagnosis code (277CA A6)");
    }
    if (claim.lines() == null || claim.lines().isEmpty()) {
      reasons.add("lines: the claim has no service lines (277CA A6)");
    } else {
      for (int i = 0; i < claim.lines().size(); i++) {
        Line line = claim.lines().get(i);
        String field = "lines[" + (i + 1) + "]";
        if (claim.claimType() == ClaimType.PROFESSIONAL && blank(line.procedureCode())) {
          reasons.add(field + ".procedureCode: professional line " + (i + 1) + " has no procedure code (277CA A6)");
        }
        if (claim.claimType() == ClaimType.INSTITUTIONAL && blank(line.revenueCode())) {
          reasons.add(field + ".revenueCode: institutional line " + (i + 1) + " has no revenue code (277CA A6)");
        }
        if (line.charge() == null || line.charge().signum() < 0) {
          reasons.add(field + ".charge: line " + (i + 1) + " has no charge or a negative one (277CA A7)");
        }
      }
    }
    return reasons;
  }

  // ---- adjudication (835) ----

  /**
   * The payer's decision. Expects a claim that passes the front end's format edits (call
   * {@link #check} first); a claim that fails them is refused with an IllegalArgumentException,
   * since no payer would adjudicate it.
   */
  /** Prefix of the prior authorization test value that makes the payer deny (see adjudicate). */
  public static final String DENY_TEST_VALUE = "SANDBOX-DENY-";

  public ClaimAdjudication adjudicate(ClaimSubmission claim, LocalDate paymentDate) {
    List<String> problems = formatProblems(claim);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Claim " + claim.patientControlNumber()
          + " would be rejected at the front end: " + String.join("; ", problems));
    }
    Objects.requireNonNull(paymentDate, "paymentDate");
    if ("8".equals(claim.frequencyCode())) {
      return reversal(claim, paymentDate);
    }
    Payer payer = network.payer(claim.payerId()).orElseThrow();
    BigDecimal charge = claim.totalCharge().setScale(2, RoundingMode.UNNECESSARY);
    String payerClaimNumber = payerClaimNumber(claim);
    String trace = traceNumber(payer, paymentDate);

    // Test value, like a payment sandbox's test card numbers: an original claim whose prior
    // authorization reads SANDBOX-DENY-<CARC> is denied with that reason; its replacement is not.
    String authorization = claim.priorAuthorization() == null ? "" : claim.priorAuthorization();
    if (authorization.startsWith(DENY_TEST_VALUE) && !"7".equals(claim.frequencyCode())) {
      return denial(claim, payerClaimNumber, charge, authorization.substring(DENY_TEST_VALUE.length()), List.of(),
          paymentDate, trace);
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

    SplittableRandom random = randomFor("adjudicate", claim);
    boolean replacement = "7".equals(claim.frequencyCode());
    // A replacement usually fixes what was wrong with the original, so it is rarely denied again.
    double denialRate = replacement ? probabilities.denial() / 4 : probabilities.denial();
    if (random.nextDouble() < denialRate) {
      DenialReason reason = drawDenialReason(random, replacement);
      List<String> remarks = reason.remarks().isEmpty()
          ? List.of()
          : List.of(reason.remarks().get(random.nextInt(reason.remarks().size())));
      return denial(claim, payerClaimNumber, charge, reason.carc(), remarks, paymentDate, trace);
    }
    return payment(claim, payer, charge, random, payerClaimNumber, paymentDate, trace);
  }

  private ClaimAdjudication payment(ClaimSubmission claim, Payer payer, BigDecimal charge, SplittableRandom random,
      String payerClaimNumber, LocalDate paymentDate, String trace) {
    BigDecimal allowed = allowed(claim, payer).min(charge);
    List<Adjustment> adjustments = new ArrayList<>();
    add(adjustments, "CO", "45", charge.subtract(allowed));

    PatientPlan plan = planOf(payer, claim.memberId());
    List<String> procedures = claim.lines().stream().map(Line::procedureCode).filter(Objects::nonNull).toList();
    boolean preventive = procedures.stream().anyMatch(PREVENTIVE_VISITS::contains);
    // Some plans pay in full after the contractual write-down (out-of-pocket maximum met, rich
    // plans); with Medicaid and preventive care that leaves about 30% of paid claims with no PR.
    boolean paidInFull = random.nextDouble() < 0.08;
    boolean inpatient = claim.dischargeDate() != null;

    BigDecimal deductible = ZERO;
    BigDecimal coinsurance = ZERO;
    BigDecimal copay = ZERO;
    if (payer.payerClass() != PayerClass.MEDICAID && !preventive && !paidInFull) {
      boolean officeVisit = claim.claimType() == ClaimType.PROFESSIONAL
          && procedures.stream().anyMatch(OFFICE_VISITS::contains);
      boolean emergencyVisit = claim.claimType() == ClaimType.INSTITUTIONAL && !inpatient
          && claim.lines().stream().anyMatch(l -> "0450".equals(l.revenueCode()));
      if (payer.payerClass() == PayerClass.COMMERCIAL && officeVisit) {
        copay = plan.officeCopay().min(allowed);
      } else if (payer.payerClass() == PayerClass.COMMERCIAL && emergencyVisit) {
        copay = plan.emergencyCopay().min(allowed);
      } else {
        BigDecimal outstanding = payer.payerClass() == PayerClass.MEDICARE && plan.deductibleOutstanding().signum() > 0
            ? (inpatient ? MEDICARE_PART_A_DEDUCTIBLE : MEDICARE_PART_B_DEDUCTIBLE)
            : plan.deductibleOutstanding();
        deductible = outstanding.min(allowed);
        // Medicare Part A charges no coinsurance for the first 60 days of a stay.
        boolean partA = payer.payerClass() == PayerClass.MEDICARE && inpatient;
        coinsurance = partA ? ZERO : allowed.subtract(deductible).multiply(COINSURANCE).setScale(2, RoundingMode.HALF_UP);
      }
    }
    add(adjustments, "PR", "1", deductible);
    add(adjustments, "PR", "2", coinsurance);
    add(adjustments, "PR", "3", copay);
    BigDecimal patientResponsibility = deductible.add(coinsurance).add(copay);
    BigDecimal paid = allowed.subtract(patientResponsibility);
    return new ClaimAdjudication(claim.patientControlNumber(), payer.id(), payerClaimNumber, "1", charge, paid,
        patientResponsibility, List.copyOf(adjustments), List.of(), paymentDate, trace);
  }

  /**
   * The fee schedule: each line's charge times the payer's rate for its code, summed exactly and
   * rounded once, so the cents of the whole claim balance.
   */
  private BigDecimal allowed(ClaimSubmission claim, Payer payer) {
    BigDecimal raw = BigDecimal.ZERO;
    for (Line line : claim.lines()) {
      String code = line.procedureCode() != null ? line.procedureCode() : "REV" + line.revenueCode();
      raw = raw.add(line.charge().multiply(feeRate(payer, code)));
    }
    return raw.setScale(2, RoundingMode.HALF_UP);
  }

  /** The payer's rate for one code: its average rate times 0.90 to 1.10, fixed per payer and code. */
  static BigDecimal feeRate(Payer payer, String code) {
    BigDecimal base = FEE_SCHEDULE_RATE.getOrDefault(payer.id(), switch (payer.payerClass()) {
      case MEDICARE -> new BigDecimal("0.45");
      case MEDICAID -> new BigDecimal("0.38");
      case COMMERCIAL -> new BigDecimal("0.65");
    });
    BigDecimal spread = BigDecimal.valueOf(SandboxNetwork.pick(2_001, "fee", payer.id(), code), 4); // 0 to 0.2000
    return base.multiply(new BigDecimal("0.90").add(spread));
  }

  /**
   * What a patient's plan leaves to them, fixed per member (so one patient's claims agree): whether
   * the deductible is still open and how much, and the copays.
   */
  private record PatientPlan(BigDecimal deductibleOutstanding, BigDecimal officeCopay, BigDecimal emergencyCopay) {}

  private PatientPlan planOf(Payer payer, String memberId) {
    SplittableRandom random = new SplittableRandom(SandboxNetwork.hash(seed, "member", payer.id(), memberId));
    boolean deductibleOpen = random.nextDouble() < 0.45;
    BigDecimal deductible = switch (payer.payerClass()) {
      case MEDICAID -> ZERO;
      case MEDICARE -> deductibleOpen ? MEDICARE_PART_B_DEDUCTIBLE : ZERO;
      case COMMERCIAL -> deductibleOpen
          ? BigDecimal.valueOf(new int[] {250, 500, 750, 1_000, 1_500, 2_000, 3_000}[random.nextInt(7)]).setScale(2)
          : ZERO;
    };
    BigDecimal officeCopay = BigDecimal.valueOf(20 + 5 * random.nextInt(5)).setScale(2);
    BigDecimal emergencyCopay = BigDecimal.valueOf(100 + 50 * random.nextInt(4)).setScale(2);
    return new PatientPlan(deductible, officeCopay, emergencyCopay);
  }

  private DenialReason drawDenialReason(SplittableRandom random, boolean replacement) {
    // A replacement is by definition not a duplicate of its original.
    List<DenialReason> reasons = DENIAL_REASONS.stream().filter(r -> !(replacement && "18".equals(r.carc()))).toList();
    int r = random.nextInt(reasons.stream().mapToInt(DenialReason::weight).sum());
    for (DenialReason reason : reasons) {
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
    ClaimAdjudication decided = adjudicate(original, paymentDate);
    List<Adjustment> negated = decided.adjustments().stream()
        .map(a -> new Adjustment(a.groupCode(), a.reasonCode(), a.amount().negate())).toList();
    return new ClaimAdjudication(voided.patientControlNumber(), voided.payerId(), number, "22",
        decided.charge().negate(), decided.paid().negate(), decided.patientResponsibility().negate(), negated,
        List.of(), paymentDate, decided.traceNumber());
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
