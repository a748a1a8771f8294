package org.revcycle.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.ClosedEncounter.Charge;
import org.revcycle.encounter.ClosedEncounter.Coverage;
import org.revcycle.encounter.ClosedEncounter.EncounterClass;
import org.revcycle.encounter.ClosedEncounter.Patient;
import org.revcycle.sandbox.SandboxNetwork.Facility;
import org.revcycle.sandbox.SandboxNetwork.FacilityType;
import org.revcycle.sandbox.SandboxNetwork.Payer;
import org.revcycle.sandbox.SandboxNetwork.PayerClass;
import org.revcycle.sandbox.SandboxNetwork.Provider;

/**
 * The sandbox EHR: closed encounters of the synthetic network, repeatable for a seed and a clock.
 * About three in four are clinic visits billed on a professional claim, the rest hospital
 * emergency, outpatient and inpatient encounters billed on an institutional claim. A configurable
 * share carries a defect the pipeline should catch: a registration defect (coverage ended before
 * the visit, or a member id in the wrong format) or a coding defect (a procedure that needs prior
 * authorization, billed without one). Patients and codes are invented; no real person appears.
 */
public final class SyntheticEncounters {

  public static final String SOURCE_SYSTEM = "sandbox-ehr";
  public static final double DEFAULT_REGISTRATION_DEFECT_RATE = 0.03;
  public static final double DEFAULT_CODING_DEFECT_RATE = 0.03;

  private static final double CLINIC_SHARE = 0.75;
  // Chance that the next encounter is a patient seen before, so balances and statements repeat.
  private static final double RETURNING_PATIENT = 0.2;
  private static final int PATIENT_POOL_LIMIT = 5_000;

  private enum Defect {
    NONE,
    REGISTRATION,
    CODING
  }

  /** A patient of the network with the coverage on file (always clean; defects are per encounter). */
  private record Registered(Patient patient, Coverage coverage) {}

  private record Visit(EncounterClass encounterClass, String specialty, LocalDate serviceDate, LocalDate dischargeDate,
      List<String> diagnoses, List<Charge> charges) {}

  private final SandboxNetwork network;
  private final Clock clock;
  private final double registrationDefectRate;
  private final double codingDefectRate;
  private final SplittableRandom random;
  private final String seedTag;
  private final List<Facility> hospitals;
  private final List<Facility> clinics;
  private final List<Registered> patients = new ArrayList<>();
  private long encounterCount;
  private long patientCount;

  public SyntheticEncounters(SandboxNetwork network, long seed, Clock clock) {
    this(network, seed, clock, DEFAULT_REGISTRATION_DEFECT_RATE, DEFAULT_CODING_DEFECT_RATE);
  }

  public SyntheticEncounters(
      SandboxNetwork network, long seed, Clock clock, double registrationDefectRate, double codingDefectRate) {
    if (registrationDefectRate < 0 || codingDefectRate < 0 || registrationDefectRate + codingDefectRate > 1) {
      throw new IllegalArgumentException("Defect rates must be between 0 and 1 and add up to at most 1");
    }
    this.network = network;
    this.clock = clock;
    this.registrationDefectRate = registrationDefectRate;
    this.codingDefectRate = codingDefectRate;
    this.random = new SplittableRandom(seed);
    // In the ids, so generators with different seeds never hand out the same source id or MRN.
    this.seedTag = Long.toUnsignedString(seed, 36).toUpperCase();
    this.hospitals = network.facilities().stream().filter(f -> f.type() == FacilityType.HOSPITAL).toList();
    this.clinics = network.facilities().stream().filter(f -> f.type() == FacilityType.CLINIC).toList();
  }

  /** The next encounter; thread-safe, but the sequence is only repeatable when called from one thread. */
  public synchronized ClosedEncounter next() {
    encounterCount++;
    LocalDate today = LocalDate.now(clock);
    Defect defect = drawDefect();
    boolean clinic = defect == Defect.CODING || random.nextDouble() < CLINIC_SHARE;
    Facility facility = clinic ? oneOf(clinics) : oneOf(hospitals);
    Registered registered = patientFor(facility, today, defect != Defect.NONE);
    Patient patient = registered.patient();
    Coverage coverage = registered.coverage();
    String payerId = coverage == null ? null : coverage.payerId();
    int age = ageOn(patient.birthDate(), today);

    Visit visit = defect == Defect.CODING
        ? clinicImaging(facility, today, age)
        : clinic ? clinicVisit(facility, today, age, patient.birthDate(), payerId) : hospitalVisit(facility, today, age);

    List<String> procedures = visit.charges().stream().map(Charge::procedureCode).filter(c -> c != null).toList();
    List<String> revenueCodes = visit.charges().stream().map(Charge::revenueCode).filter(c -> c != null).toList();
    boolean authRequired = network.priorAuthorizationRequired(
        payerId, visit.dischargeDate() != null, procedures, revenueCodes);
    // The coding defect: the service needs an authorization and none is on the encounter.
    String priorAuthorization = authRequired && defect != Defect.CODING ? "PA" + digits(10) : null;
    if (defect == Defect.REGISTRATION) {
      coverage = withRegistrationDefect(coverage, visit.serviceDate());
    }

    return new ClosedEncounter(
        SOURCE_SYSTEM,
        String.format("ENC-%s-%08d", seedTag, encounterCount),
        facility.id(),
        visit.encounterClass(),
        visit.serviceDate(),
        visit.dischargeDate(),
        patient,
        coverage,
        renderingProvider(facility, visit.specialty()).npi(),
        priorAuthorization,
        visit.diagnoses(),
        visit.charges());
  }

  public List<ClosedEncounter> next(int count) {
    List<ClosedEncounter> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(next());
    }
    return list;
  }

  private Defect drawDefect() {
    double u = random.nextDouble();
    if (u < registrationDefectRate) {
      return Defect.REGISTRATION;
    }
    return u < registrationDefectRate + codingDefectRate ? Defect.CODING : Defect.NONE;
  }

  // ---- patients and coverage ----

  private Registered patientFor(Facility facility, LocalDate today, boolean needsCoverage) {
    if (!patients.isEmpty() && random.nextDouble() < RETURNING_PATIENT) {
      Registered returning = patients.get(random.nextInt(patients.size()));
      if (returning.coverage() != null || !needsCoverage) {
        return returning;
      }
    }
    Registered created = newPatient(facility, today, needsCoverage);
    if (patients.size() < PATIENT_POOL_LIMIT) {
      patients.add(created);
    }
    return created;
  }

  private Registered newPatient(Facility facility, LocalDate today, boolean needsCoverage) {
    // Payer first, then an age that fits it: Medicare is mostly 65+, Medicaid has many children.
    String payerId = drawPayer(needsCoverage);
    PayerClass payerClass = payerId == null ? null : network.payer(payerId).orElseThrow().payerClass();
    int age = drawAge(payerClass);
    // At least 30 days old, so a newborn is never born after its own visit.
    LocalDate birthDate = today.minusYears(age).minusDays(30 + random.nextInt(335));
    String sex = random.nextBoolean() ? "F" : "M";
    String given = "F".equals(sex) ? oneOf(FEMALE_NAMES) : oneOf(MALE_NAMES);
    String city = random.nextDouble() < 0.75 ? facility.city() : oneOf(network.cities()).name();
    String address = (100 + random.nextInt(9_800)) + " " + oneOf(STREETS)
        + (random.nextDouble() < 0.15 ? " Apt " + (1 + random.nextInt(30)) : "");
    patientCount++;
    Patient patient = new Patient(
        String.format("MRN-%s-%07d", seedTag, patientCount), oneOf(FAMILY_NAMES), given, birthDate, sex, address,
        city, SandboxNetwork.STATE, network.postalCode(city));
    return new Registered(patient,
        payerId == null ? null : withSubscriber(coverage(payerId, payerClass, birthDate, age, today), patient));
  }

  /**
   * A spouse's or child's coverage names its policy holder. Derived from the member id, not drawn,
   * so the random sequence (and every other value of a seeded run) stays as it was.
   */
  private static Coverage withSubscriber(Coverage coverage, Patient patient) {
    if ("SELF".equals(coverage.relationship())) {
      return coverage;
    }
    boolean child = "CHILD".equals(coverage.relationship());
    long key = SandboxNetwork.hash(7, coverage.memberId());
    String sex = child ? (key % 2 == 0 ? "F" : "M") : ("F".equals(patient.sex()) ? "M" : "F");
    List<String> names = "F".equals(sex) ? FEMALE_NAMES : MALE_NAMES;
    String given = names.get((int) Math.floorMod(key >>> 8, (long) names.size()));
    LocalDate birthDate = child
        ? patient.birthDate().minusYears(24 + Math.floorMod(key >>> 16, 16L)).minusDays(Math.floorMod(key >>> 24, 300L))
        : patient.birthDate().plusDays(Math.floorMod(key >>> 16, 3_000L) - 1_500L);
    return new Coverage(coverage.payerId(), coverage.memberId(), coverage.groupNumber(), coverage.relationship(),
        coverage.startDate(), coverage.endDate(),
        new ClosedEncounter.Subscriber(patient.familyName(), given, birthDate, sex));
  }

  private String drawPayer(boolean needsCoverage) {
    // Medicare 35%, Medicaid 15% (fee-for-service and managed care), CMA 25%, CMB 20%, self-pay 5%.
    double u = random.nextDouble() * (needsCoverage ? 0.95 : 1.0);
    if (u < 0.35) {
      return "MCR";
    }
    if (u < 0.44) {
      return "MCD";
    }
    if (u < 0.50) {
      return "MCO";
    }
    if (u < 0.75) {
      return "CMA";
    }
    return u < 0.95 ? "CMB" : null;
  }

  private int drawAge(PayerClass payerClass) {
    double u = random.nextDouble();
    if (payerClass == PayerClass.MEDICARE) {
      // Under 65 only through disability or end-stage renal disease.
      return u < 0.9 ? 65 + (int) (31 * Math.pow(random.nextDouble(), 1.4)) : 25 + random.nextInt(40);
    }
    if (payerClass == PayerClass.MEDICAID) {
      return u < 0.45 ? random.nextInt(18) : 18 + random.nextInt(47);
    }
    if (payerClass == PayerClass.COMMERCIAL) {
      return u < 0.22 ? random.nextInt(18) : u < 0.97 ? 18 + random.nextInt(47) : 65 + random.nextInt(11);
    }
    return 18 + random.nextInt(47);
  }

  private Coverage coverage(String payerId, PayerClass payerClass, LocalDate birthDate, int age, LocalDate today) {
    LocalDate latestStart = today.minusDays(30);
    return switch (payerClass) {
      case MEDICARE -> {
        LocalDate start = age >= 65
            ? birthDate.plusYears(65).withDayOfMonth(1)
            : today.minusDays(60 + random.nextInt(2_500)).withDayOfMonth(1);
        yield new Coverage(payerId, mbi(), null, "SELF", min(start, latestStart), null);
      }
      case MEDICAID -> {
        // Medicaid enrolls each child as a member in their own right, so the relationship is SELF.
        String memberId = "MCO".equals(payerId) ? "MG" + digits(9) : (1 + random.nextInt(9)) + digits(11);
        LocalDate start = today.minusDays(30 + random.nextInt(1_800)).withDayOfMonth(1);
        yield new Coverage(payerId, memberId, null, "SELF", min(start, latestStart), null);
      }
      case COMMERCIAL -> {
        String relationship = age < 18 ? "CHILD" : random.nextDouble() < 0.15 ? "SPOUSE" : "SELF";
        String memberId = "CMA".equals(payerId)
            ? "LMH" + digits(9)
            : "TG" + digits(7) + "-0" + switch (relationship) {
                case "SELF" -> 1;
                case "SPOUSE" -> 2;
                default -> 3 + random.nextInt(4);
              };
        LocalDate start = LocalDate.of(today.getYear() - random.nextInt(7), 1, 1);
        // Some employer plans are on file with the end of their plan year.
        LocalDate end = random.nextDouble() < 0.3 ? LocalDate.of(today.getYear(), 12, 31) : null;
        yield new Coverage(payerId, memberId, "G" + digits(6), relationship, min(start, latestStart), end);
      }
    };
  }

  private Coverage withRegistrationDefect(Coverage coverage, LocalDate serviceDate) {
    if (random.nextBoolean()) {
      // Coverage that ended before the visit: the payer denies with CARC 27.
      LocalDate end = serviceDate.minusDays(1 + random.nextInt(60));
      LocalDate start = coverage.startDate() != null && coverage.startDate().isBefore(end)
          ? coverage.startDate()
          : end.minusYears(1);
      return new Coverage(coverage.payerId(), coverage.memberId(), coverage.groupNumber(), coverage.relationship(),
          start, end, coverage.subscriber());
    }
    return new Coverage(coverage.payerId(), malformedMemberId(coverage), coverage.groupNumber(),
        coverage.relationship(), coverage.startDate(), coverage.endDate(), coverage.subscriber());
  }

  /** A member id as registration clerks get it wrong: a retired Medicare HICN, or a dropped character. */
  private String malformedMemberId(Coverage coverage) {
    Pattern pattern = Pattern.compile(network.payer(coverage.payerId()).orElseThrow().memberIdPattern());
    String wrong = "MCR".equals(coverage.payerId())
        ? digits(9) + "A"
        : coverage.memberId().substring(0, coverage.memberId().length() - 1);
    return pattern.matcher(wrong).matches() ? wrong + "X" : wrong;
  }

  private String mbi() {
    StringBuilder b = new StringBuilder();
    b.append(1 + random.nextInt(9)).append(mbiLetter()).append(mbiAlnum()).append(random.nextInt(10))
        .append(mbiLetter()).append(mbiAlnum()).append(random.nextInt(10)).append(mbiLetter()).append(mbiLetter())
        .append(random.nextInt(10)).append(random.nextInt(10));
    return b.toString();
  }

  private char mbiLetter() {
    return MBI_LETTERS.charAt(random.nextInt(MBI_LETTERS.length()));
  }

  private char mbiAlnum() {
    return random.nextInt(30) < 10 ? (char) ('0' + random.nextInt(10)) : mbiLetter();
  }

  // ---- clinic visits (professional claims) ----

  private Visit clinicVisit(Facility facility, LocalDate today, int age, LocalDate birthDate, String payerId) {
    LocalDate date = today.minusDays(1 + random.nextInt(20));
    double u = random.nextDouble();
    if (u < 0.14) {
      // Preventive codes go by the age on the day of the visit, which a returning patient's birthday
      // since then can make a year less than today's.
      return preventiveVisit(facility, date, ageOn(birthDate, date), payerId);
    }
    if (u < 0.22) {
      return age >= 10 ? therapyVisit(facility, date, age) : problemVisit(facility, date, age);
    }
    if (u < 0.25) {
      return clinicImaging(facility, today, age);
    }
    return problemVisit(facility, date, age);
  }

  private Visit problemVisit(Facility facility, LocalDate date, int age) {
    Condition condition = drawCondition(CLINIC_CONDITIONS, age);
    Lines lines = new Lines(facility, date);
    boolean newPatient = random.nextDouble() < 0.15;
    String em = newPatient
        ? weighted(new String[] {"99202", "99203", "99204", "99205"}, new int[] {10, 45, 35, 10})
        : weighted(new String[] {"99212", "99213", "99214", "99215"}, new int[] {10, 45, 38, 7});
    String side = random.nextBoolean() ? "RT" : "LT";
    List<String> diagnoses = diagnoses(condition, age, side);
    // A minor procedure the same day makes the visit a separately identifiable service: modifier 25.
    boolean procedure = condition.procedures().contains("20610");
    lines.professional(em, procedure ? List.of("25") : List.of(), 1);
    for (String code : condition.ancillaries(random)) {
      switch (code) {
        case "20610", "73610" -> lines.professional(code, List.of(side), 1);
        case "J3301" -> lines.professional(code, List.of(), 4); // 40 mg, billed per 10 mg
        default -> lines.professional(code, List.of(), 1);
      }
    }
    lines.venipunctureIfBloodDrawn(false);
    return new Visit(EncounterClass.AMBULATORY, null, date, null, diagnoses, lines.charges());
  }

  private Visit preventiveVisit(Facility facility, LocalDate date, int age, String payerId) {
    Lines lines = new Lines(facility, date);
    // Medicare covers the annual wellness visit, not the routine physical.
    String code = "MCR".equals(payerId) ? "G0439"
        : age < 1 ? "99391" : age < 5 ? "99392" : age < 12 ? "99393" : age < 18 ? "99394"
        : age < 40 ? "99395" : age < 65 ? "99396" : "99397";
    lines.professional(code, List.of(), 1);
    if (age >= 18) {
      for (String lab : List.of("80053", "80061", "85025")) {
        if (random.nextDouble() < 0.4) {
          lines.professional(lab, List.of(), 1);
        }
      }
      lines.venipunctureIfBloodDrawn(false);
    }
    List<String> diagnoses = new ArrayList<>(List.of(age < 18 ? "Z00.129" : "Z00.00"));
    if (age >= 45 && random.nextDouble() < 0.4) {
      diagnoses.add(oneOf(List.of("I10", "E78.5", "E11.9")));
    }
    return new Visit(EncounterClass.AMBULATORY, null, date, null, diagnoses, lines.charges());
  }

  private Visit therapyVisit(Facility facility, LocalDate date, int age) {
    Lines lines = new Lines(facility, date);
    // GP: services under a physical therapy plan of care, which Medicare requires on therapy codes.
    lines.professional("97110", List.of("GP"), 2 + random.nextInt(3));
    if (random.nextBoolean()) {
      lines.professional("97140", List.of("GP"), 1 + random.nextInt(2));
    }
    // Osteoarthritis of the knee is a diagnosis of older patients.
    List<String> diagnoses = List.of(oneOf(age >= 40
        ? List.of("M54.50", "M17.11", "M25.561", "M54.2")
        : List.of("M54.50", "M25.561", "M54.2")));
    return new Visit(EncounterClass.AMBULATORY, null, date, null, diagnoses, lines.charges());
  }

  private Visit clinicImaging(Facility facility, LocalDate today, int age) {
    LocalDate date = today.minusDays(1 + random.nextInt(20));
    Lines lines = new Lines(facility, date);
    lines.professional("70553", List.of(), 1);
    List<String> diagnoses = new ArrayList<>(List.of(oneOf(List.of("R51.9", "G43.909", "R42", "G44.209"))));
    if (random.nextDouble() < 0.3) {
      diagnoses.add(oneOf(List.of("H53.8", "R20.2", "I10")));
    }
    return new Visit(EncounterClass.AMBULATORY, null, date, null, diagnoses, lines.charges());
  }

  // ---- hospital encounters (institutional claims) ----

  private Visit hospitalVisit(Facility facility, LocalDate today, int age) {
    double u = random.nextDouble();
    if (u < 0.45) {
      return emergencyVisit(facility, today, age);
    }
    return u < 0.75 ? outpatientVisit(facility, today, age) : inpatientStay(facility, today, age);
  }

  private Visit emergencyVisit(Facility facility, LocalDate today, int age) {
    LocalDate date = today.minusDays(1 + random.nextInt(20));
    Condition condition = drawCondition(ER_CONDITIONS, age);
    Lines lines = new Lines(facility, date);
    lines.institutional("0450", condition.level(random), List.of(), 1);
    String side = random.nextBoolean() ? "RT" : "LT";
    for (String code : condition.ancillaries(random)) {
      lines.institutional(revenueCodeOf(code), code, "73610".equals(code) ? List.of(side) : List.of(), 1);
    }
    lines.venipunctureIfBloodDrawn(true);
    if (random.nextDouble() < 0.7) {
      lines.pharmacy(40, 600);
    }
    return new Visit(EncounterClass.EMERGENCY, SandboxNetwork.EMERGENCY_MEDICINE, date, null,
        diagnoses(condition, age, side), lines.charges());
  }

  private Visit outpatientVisit(Facility facility, LocalDate today, int age) {
    LocalDate date = today.minusDays(1 + random.nextInt(20));
    Lines lines = new Lines(facility, date);
    double u = random.nextDouble();
    if (u < 0.25 && age >= 18) {
      lines.surgery("43239", List.of());
      lines.institutional("0310", "88305", List.of(), 1);
      return new Visit(EncounterClass.OUTPATIENT, SandboxNetwork.GASTROENTEROLOGY, date, null,
          List.of("K21.9", "R10.13"), lines.charges());
    }
    if (u < 0.35 && age >= 50) {
      String side = random.nextBoolean() ? "RT" : "LT";
      lines.surgery("27447", List.of(side));
      return new Visit(EncounterClass.OUTPATIENT, SandboxNetwork.ORTHOPAEDIC_SURGERY, date, null,
          List.of("RT".equals(side) ? "M17.11" : "M17.12"), lines.charges());
    }
    if (u < 0.55) {
      lines.institutional("0610", "70553", List.of(), 1);
      return new Visit(EncounterClass.OUTPATIENT, SandboxNetwork.HOSPITALIST, date, null,
          List.of(oneOf(List.of("R51.9", "G43.909", "R42"))), lines.charges());
    }
    // Outpatient lab and imaging orders for chronic conditions.
    Condition condition = drawCondition(OUTPATIENT_ORDERS, age);
    List<String> orders = condition.ancillaries(random);
    // The orders are the whole visit, so there is at least one.
    for (String code : orders.isEmpty() ? List.of(condition.likeliest()) : orders) {
      lines.institutional(revenueCodeOf(code), code, List.of(), 1);
    }
    lines.venipunctureIfBloodDrawn(true);
    return new Visit(EncounterClass.OUTPATIENT, SandboxNetwork.HOSPITALIST, date, null,
        diagnoses(condition, age, "RT"), lines.charges());
  }

  private Visit inpatientStay(Facility facility, LocalDate today, int age) {
    boolean arthroplasty = age >= 50 && random.nextDouble() < 0.2;
    int los = arthroplasty ? 2 + random.nextInt(2) : 2 + random.nextInt(4);
    // Admitted at least los days ago, so the stay is over (the encounter is closed) by today.
    LocalDate admission = today.minusDays(los + random.nextInt(21 - los));
    LocalDate discharge = admission.plusDays(los);
    Lines lines = new Lines(facility, admission);
    lines.roomAndBoard(los);
    if (arthroplasty) {
      String side = random.nextBoolean() ? "RT" : "LT";
      lines.surgery("27447", List.of(side));
      lines.on(admission.plusDays(1)).institutional("0420", "97110", List.of("GP"), 2);
      return new Visit(EncounterClass.INPATIENT, SandboxNetwork.ORTHOPAEDIC_SURGERY, admission, discharge,
          List.of("RT".equals(side) ? "M17.11" : "M17.12", oneOf(List.of("I10", "E66.9", "E78.5"))),
          lines.charges());
    }
    Condition condition = drawCondition(INPATIENT_CONDITIONS, age);
    if (random.nextDouble() < 0.6) {
      // Admitted through the emergency department: the ED visit is billed on the inpatient claim.
      lines.institutional("0450", "99285", List.of(), 1);
    }
    for (String code : condition.ancillaries(random)) {
      lines.on(admission.plusDays(random.nextInt(los))).institutional(revenueCodeOf(code), code, List.of(),
          "85025".equals(code) ? los : 1);
    }
    lines.on(admission).venipunctureIfBloodDrawn(true);
    lines.pharmacy(600, 4_000);
    return new Visit(EncounterClass.INPATIENT, SandboxNetwork.HOSPITALIST, admission, discharge,
        diagnoses(condition, age, "RT"), lines.charges());
  }

  // ---- shared helpers ----

  private Provider renderingProvider(Facility facility, String specialty) {
    List<Provider> staff = network.providersAt(facility.id());
    List<Provider> matching = specialty == null ? staff
        : staff.stream().filter(p -> p.specialty().equals(specialty)).toList();
    return oneOf(matching.isEmpty() ? staff : matching);
  }

  private Condition drawCondition(List<Condition> conditions, int age) {
    List<Condition> fitting = conditions.stream().filter(c -> age >= c.minAge()).toList();
    int total = fitting.stream().mapToInt(Condition::weight).sum();
    int r = random.nextInt(total);
    for (Condition c : fitting) {
      r -= c.weight();
      if (r < 0) {
        return c;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** The condition's diagnosis, some of its usual companions, and for older patients a chronic one: 1 to 4 codes. */
  private List<String> diagnoses(Condition condition, int age, String side) {
    Set<String> codes = new LinkedHashSet<>();
    codes.add(condition.primaryFor(side));
    for (String secondary : condition.secondaries()) {
      if (random.nextDouble() < 0.35) {
        codes.add(secondary);
      }
    }
    if (age >= 45 && random.nextDouble() < 0.3) {
      codes.add(oneOf(List.of("I10", "E78.5", "E11.9", "K21.9")));
    }
    return List.copyOf(codes).subList(0, Math.min(4, codes.size()));
  }

  private String weighted(String[] values, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private <T> T oneOf(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String digits(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append(random.nextInt(10));
    }
    return b.toString();
  }

  private static int ageOn(LocalDate birthDate, LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static String revenueCodeOf(String hcpcs) {
    String rev = REVENUE_CODE_BY_HCPCS.get(hcpcs);
    if (rev == null) {
      throw new IllegalStateException("No revenue code for " + hcpcs);
    }
    return rev;
  }

  /** Charge lines of one encounter, priced from the facility's chargemaster. */
  private final class Lines {
    private final Facility facility;
    private final List<Charge> charges = new ArrayList<>();
    private LocalDate date;

    Lines(Facility facility, LocalDate date) {
      this.facility = facility;
      this.date = date;
    }

    Lines on(LocalDate day) {
      this.date = day;
      return this;
    }

    void professional(String code, List<String> modifiers, int units) {
      charges.add(new Charge(code, modifiers, null, BigDecimal.valueOf(units),
          chargemasterPrice(facility, code, PROFESSIONAL_PRICES).multiply(BigDecimal.valueOf(units)), date));
    }

    void institutional(String revenueCode, String hcpcs, List<String> modifiers, int units) {
      String key = hcpcs == null ? revenueCode : hcpcs;
      charges.add(new Charge(hcpcs, modifiers, revenueCode, BigDecimal.valueOf(units),
          chargemasterPrice(facility, key, FACILITY_PRICES).multiply(BigDecimal.valueOf(units)), date));
    }

    void roomAndBoard(int days) {
      institutional("0120", null, List.of(), days);
    }

    /** Operating room, implant, anesthesia, recovery and drugs of one procedure. */
    void surgery(String procedure, List<String> modifiers) {
      charges.add(new Charge(procedure, modifiers, "0360", BigDecimal.ONE,
          chargemasterPrice(facility, "OR-" + procedure, FACILITY_PRICES), date));
      if ("27447".equals(procedure)) {
        institutional("0278", "C1776", List.of(), 1);
      }
      charges.add(new Charge(null, List.of(), "0370", BigDecimal.ONE,
          chargemasterPrice(facility, "ANES-" + procedure, FACILITY_PRICES), date));
      institutional("0710", null, List.of(), 1);
      pharmacy(150, 900);
    }

    /** Pharmacy is billed as a total of the drugs given, so it varies from one encounter to the next. */
    void pharmacy(int minDollars, int maxDollars) {
      long cents = minDollars * 100L + random.nextLong((maxDollars - minDollars) * 100L);
      charges.add(new Charge(null, List.of(), "0250", BigDecimal.ONE, BigDecimal.valueOf(cents, 2), date));
    }

    void venipunctureIfBloodDrawn(boolean institutional) {
      boolean blood = charges.stream()
          .anyMatch(c -> c.procedureCode() != null && BLOOD_TESTS.contains(c.procedureCode()));
      if (blood) {
        if (institutional) {
          institutional("0300", "36415", List.of(), 1);
        } else {
          professional("36415", List.of(), 1);
        }
      }
    }

    List<Charge> charges() {
      return List.copyOf(charges);
    }
  }

  /**
   * A chargemaster price: fixed per facility and code within a plausible range, so the same service
   * at the same hospital always costs the same, as on a real chargemaster.
   */
  private static BigDecimal chargemasterPrice(Facility facility, String code, Map<String, int[]> prices) {
    int[] range = prices.get(code);
    if (range == null) {
      throw new IllegalStateException("No chargemaster price for " + code);
    }
    long dollars = range[0] + SandboxNetwork.pick(range[1] - range[0] + 1L, "price", facility.id(), code);
    return BigDecimal.valueOf(dollars).setScale(2);
  }

  /**
   * A reason for a visit: its diagnosis codes and the services that usually come with it.
   *
   * @param primary the first-listed diagnosis; "{side}" variants pick the right or left code
   * @param ancillaries code and chance it is ordered
   */
  private record Condition(int weight, int minAge, List<String> primary, List<String> secondaries,
      Map<String, Double> ancillaries, List<String> procedures, List<String> levels) {

    static Condition of(int weight, int minAge, String primary, List<String> secondaries, Map<String, Double> ancillaries) {
      return new Condition(weight, minAge, List.of(primary), secondaries, ancillaries, List.of(), List.of());
    }

    Condition sided(String right, String left) {
      return new Condition(weight, minAge, List.of(right, left), secondaries, ancillaries, procedures, levels);
    }

    Condition withProcedure(String code) {
      return new Condition(weight, minAge, primary, secondaries, ancillaries, List.of(code), levels);
    }

    Condition erLevels(String... codes) {
      return new Condition(weight, minAge, primary, secondaries, ancillaries, procedures, List.of(codes));
    }

    String primaryFor(String side) {
      return primary.size() == 2 && "LT".equals(side) ? primary.get(1) : primary.get(0);
    }

    /** Procedures always done, then ancillaries each by its chance, in a fixed order. */
    List<String> ancillaries(SplittableRandom random) {
      List<String> codes = new ArrayList<>(procedures);
      ancillaries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        if (random.nextDouble() < e.getValue()) {
          codes.add(e.getKey());
        }
      });
      return codes;
    }

    String likeliest() {
      return ancillaries.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }

    String level(SplittableRandom random) {
      return levels.get(random.nextInt(levels.size()));
    }
  }

  private static final Set<String> BLOOD_TESTS = Set.of("80053", "85025", "83036", "80061", "83880", "84484");

  private static final List<Condition> CLINIC_CONDITIONS = List.of(
      Condition.of(10, 25, "I10", List.of("E78.5", "E11.9"), Map.of("93000", 0.3, "80053", 0.4)),
      Condition.of(9, 25, "E11.9", List.of("I10", "E78.5"), Map.of("83036", 0.7, "80053", 0.3, "80061", 0.2)),
      Condition.of(5, 25, "E78.5", List.of("I10"), Map.of("80061", 0.8)),
      Condition.of(10, 0, "J06.9", List.of("R05.9"), Map.of()),
      Condition.of(7, 16, "M54.50", List.of(), Map.of("72100", 0.2)),
      Condition.of(4, 40, "M17.11", List.of("M25.561"), Map.of("J3301", 1.0))
          .sided("M17.11", "M17.12").withProcedure("20610"),
      Condition.of(4, 25, "R07.9", List.of("R06.02"), Map.of("93000", 0.9, "71046", 0.4)),
      Condition.of(5, 5, "N39.0", List.of("R30.0"), Map.of("81003", 0.9)),
      Condition.of(4, 18, "K21.9", List.of(), Map.of()),
      Condition.of(5, 12, "F41.1", List.of("G47.00"), Map.of()),
      Condition.of(4, 5, "S93.401A", List.of(), Map.of("73610", 0.7)).sided("S93.401A", "S93.402A"),
      Condition.of(2, 0, "J18.9", List.of("R05.9"), Map.of("71046", 0.8, "85025", 0.5)),
      Condition.of(3, 5, "R10.9", List.of(), Map.of("85025", 0.5, "80053", 0.4)),
      Condition.of(2, 45, "I50.9", List.of("I10", "E11.9"), Map.of("80053", 0.6, "83880", 0.4, "93000", 0.3)));

  private static final List<Condition> ER_CONDITIONS = List.of(
      Condition.of(25, 25, "R07.9", List.of("I10", "R06.02"),
          Map.of("80053", 0.9, "85025", 0.9, "84484", 0.95, "71046", 0.9, "93005", 1.0))
          .erLevels("99284", "99285", "99285"),
      Condition.of(12, 0, "J18.9", List.of("R50.9", "R05.9"), Map.of("85025", 0.9, "80053", 0.7, "71046", 1.0))
          .erLevels("99284", "99285"),
      Condition.of(15, 5, "S93.401A", List.of("W19.XXXA"), Map.of("73610", 0.9))
          .sided("S93.401A", "S93.402A").erLevels("99283"),
      Condition.of(18, 5, "R10.9", List.of("R11.2"), Map.of("80053", 0.9, "85025", 0.9, "81003", 0.6, "74177", 0.5))
          .erLevels("99283", "99284", "99285"),
      Condition.of(12, 2, "N39.0", List.of("R50.9"), Map.of("81003", 1.0, "87086", 0.7, "85025", 0.5))
          .erLevels("99283", "99284"),
      Condition.of(10, 0, "J06.9", List.of("R50.9"), Map.of()).erLevels("99283"));

  private static final List<Condition> OUTPATIENT_ORDERS = List.of(
      Condition.of(10, 25, "E11.9", List.of("I10"), Map.of("83036", 0.9, "80053", 0.6, "80061", 0.4)),
      Condition.of(8, 25, "I10", List.of("E78.5"), Map.of("80053", 0.9, "93005", 0.4, "80061", 0.3)),
      Condition.of(6, 0, "R05.9", List.of("J06.9"), Map.of("71046", 1.0, "85025", 0.4)),
      Condition.of(4, 45, "I50.9", List.of("I10"), Map.of("83880", 0.9, "80053", 0.8, "71046", 0.5)));

  private static final List<Condition> INPATIENT_CONDITIONS = List.of(
      Condition.of(35, 0, "J18.9", List.of("J96.01", "E86.0"), Map.of("85025", 1.0, "80053", 1.0, "71046", 1.0)),
      Condition.of(25, 45, "I50.9", List.of("I10", "E11.9", "N18.30"),
          Map.of("80053", 1.0, "83880", 1.0, "84484", 0.6, "71046", 0.9, "93005", 0.9)),
      Condition.of(20, 5, "N39.0", List.of("E86.0", "R41.0"), Map.of("81003", 1.0, "87086", 1.0, "85025", 1.0)));

  private static final Map<String, String> REVENUE_CODE_BY_HCPCS = Map.ofEntries(
      Map.entry("80053", "0300"), Map.entry("85025", "0300"), Map.entry("83036", "0300"), Map.entry("80061", "0300"),
      Map.entry("83880", "0300"), Map.entry("84484", "0300"), Map.entry("81003", "0300"), Map.entry("87086", "0300"),
      Map.entry("36415", "0300"), Map.entry("71046", "0320"), Map.entry("73610", "0320"), Map.entry("74177", "0350"),
      Map.entry("93005", "0730"));

  /** Physician office chargemaster, in whole dollars: [low, high]. */
  private static final Map<String, int[]> PROFESSIONAL_PRICES = Map.ofEntries(
      Map.entry("99202", new int[] {110, 150}), Map.entry("99203", new int[] {170, 230}),
      Map.entry("99204", new int[] {260, 340}), Map.entry("99205", new int[] {340, 440}),
      Map.entry("99212", new int[] {90, 130}), Map.entry("99213", new int[] {150, 200}),
      Map.entry("99214", new int[] {220, 290}), Map.entry("99215", new int[] {300, 390}),
      Map.entry("99391", new int[] {170, 220}), Map.entry("99392", new int[] {180, 230}),
      Map.entry("99393", new int[] {180, 230}), Map.entry("99394", new int[] {190, 250}),
      Map.entry("99395", new int[] {200, 260}), Map.entry("99396", new int[] {220, 290}),
      Map.entry("99397", new int[] {240, 320}), Map.entry("G0439", new int[] {180, 230}),
      Map.entry("80053", new int[] {45, 90}), Map.entry("85025", new int[] {30, 60}),
      Map.entry("36415", new int[] {15, 30}), Map.entry("83036", new int[] {35, 60}),
      Map.entry("80061", new int[] {50, 90}), Map.entry("81003", new int[] {15, 30}),
      Map.entry("83880", new int[] {70, 120}), Map.entry("93000", new int[] {60, 110}),
      Map.entry("71046", new int[] {120, 220}), Map.entry("73610", new int[] {110, 190}),
      Map.entry("72100", new int[] {120, 200}), Map.entry("97110", new int[] {55, 85}),
      Map.entry("97140", new int[] {50, 80}), Map.entry("20610", new int[] {180, 280}),
      Map.entry("J3301", new int[] {8, 20}), Map.entry("70553", new int[] {2_200, 3_400}));

  /** Hospital chargemaster, in whole dollars: [low, high]; keyed by HCPCS, or revenue code when there is none. */
  private static final Map<String, int[]> FACILITY_PRICES = Map.ofEntries(
      Map.entry("99283", new int[] {1_200, 1_700}), Map.entry("99284", new int[] {1_900, 2_600}),
      Map.entry("99285", new int[] {2_800, 3_500}),
      Map.entry("80053", new int[] {120, 250}), Map.entry("85025", new int[] {70, 140}),
      Map.entry("36415", new int[] {25, 45}), Map.entry("83036", new int[] {80, 150}),
      Map.entry("80061", new int[] {110, 210}), Map.entry("83880", new int[] {180, 320}),
      Map.entry("84484", new int[] {150, 280}), Map.entry("81003", new int[] {40, 80}),
      Map.entry("87086", new int[] {90, 160}), Map.entry("88305", new int[] {250, 450}),
      Map.entry("71046", new int[] {350, 650}), Map.entry("73610", new int[] {300, 520}),
      Map.entry("74177", new int[] {3_200, 5_200}), Map.entry("70553", new int[] {3_800, 6_200}),
      Map.entry("93005", new int[] {180, 320}), Map.entry("97110", new int[] {90, 160}),
      Map.entry("C1776", new int[] {9_000, 14_000}),
      Map.entry("OR-43239", new int[] {4_800, 7_500}), Map.entry("OR-27447", new int[] {18_000, 28_000}),
      Map.entry("ANES-43239", new int[] {700, 1_200}), Map.entry("ANES-27447", new int[] {2_000, 3_200}),
      Map.entry("0710", new int[] {800, 1_600}), Map.entry("0120", new int[] {2_300, 2_800}));

  private static final String MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY";

  private static final List<String> FEMALE_NAMES = List.of(
      "Mary", "Linda", "Patricia", "Jennifer", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen", "Emily",
      "Ashley", "Michelle", "Amanda", "Melissa", "Laura", "Olivia", "Emma", "Sophia", "Ava", "Madison",
      "Abigail", "Chloe", "Grace", "Hannah", "Natalie", "Ruth", "Dorothy", "Helen", "Brenda", "Kimberly");

  private static final List<String> MALE_NAMES = List.of(
      "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
      "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian",
      "Ethan", "Noah", "Liam", "Mason", "Logan", "Jacob", "Tyler", "Gary", "Larry", "Dennis");

  private static final List<String> FAMILY_NAMES = List.of(
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
      "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
      "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
      "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
      "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
      "Garcia", "Martinez", "Hernandez", "Lopez", "Nguyen", "Patel", "Kim", "Schmidt", "Mueller", "Kowalski");

  private static final List<String> STREETS = List.of(
      "Maple St", "Oak Ave", "High St", "Main St", "Walnut St", "Church St", "Elm St", "Park Ave", "Sycamore Dr",
      "Cedar Ln", "Hickory Ct", "Broad St", "Washington Ave", "Lincoln Way", "Cherry St", "Mill Rd", "Buckeye Dr",
      "Riverview Rd", "Orchard Ln", "Spring St");
}
