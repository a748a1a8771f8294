package org.revcycle.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.revcycle.claim.ClaimSubmission.Line;
import java.util.stream.Collectors;

/**
 * Master data of the synthetic health network the sandbox simulates: "Kestrel Valley Health", a
 * fictional system of 6 hospitals and 40 clinics in central and southwest Ohio, and the payers it
 * bills. Every value is computed, never drawn at random, so two runs (and two JVMs) agree on every
 * NPI and id.
 */
public final class SandboxNetwork {

  public enum FacilityType {
    HOSPITAL,
    CLINIC
  }

  public enum PayerClass {
    MEDICARE,
    MEDICAID,
    COMMERCIAL
  }

  public record Facility(
      String id, String name, FacilityType type, String npi, String taxId, String placeOfService, String city,
      String state) {}

  /** @param memberIdPattern Java regex of the payer's member id, as its front end edits it */
  public record Payer(String id, String name, PayerClass payerClass, int timelyFilingDays, String memberIdPattern) {}

  /** @param taxonomyCode NUCC health care provider taxonomy, as the 837 PRV segment carries it */
  public record Provider(String npi, String name, String taxonomyCode, String specialty, String facilityId) {}

  /** A city of the network's region with a ZIP code in it, for facility and patient addresses. */
  record City(String name, String postalCode) {}

  static final String STATE = "OH";

  /** Procedures every sandbox payer authorizes in advance (MRI brain, knee arthroplasty, EGD with biopsy). */
  static final Set<String> AUTH_PROCEDURES = Set.of("70553", "27447", "43239");

  /** Operating room services on an institutional claim. */
  static final Set<String> AUTH_REVENUE_CODES = Set.of("0360");

  // Medicare Beneficiary Identifier letters leave out S, L, O, I, B and Z (easily misread).
  private static final String MBI_ALPHA = "[AC-HJKMNP-RT-Y]";
  static final String MBI_PATTERN =
      "[1-9]" + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9][0-9]" + MBI_ALPHA + "[AC-HJKMNP-RT-Y0-9][0-9]" + MBI_ALPHA + "{2}[0-9]{2}";

  private static final List<City> CITIES = List.of(
      new City("Columbus", "43215"), new City("Dayton", "45402"), new City("Springfield", "45502"),
      new City("Zanesville", "43701"), new City("Mansfield", "44902"), new City("Chillicothe", "45601"),
      new City("Newark", "43055"), new City("Lancaster", "43130"), new City("Marion", "43302"),
      new City("Delaware", "43015"), new City("Westerville", "43081"), new City("Dublin", "43017"),
      new City("Grove City", "43123"), new City("Hilliard", "43026"), new City("Reynoldsburg", "43068"),
      new City("Pickerington", "43147"), new City("Kettering", "45429"), new City("Beavercreek", "45434"),
      new City("Xenia", "45385"), new City("Fairborn", "45324"), new City("Urbana", "43078"),
      new City("Marysville", "43040"), new City("London", "43140"), new City("Circleville", "43113"),
      new City("Athens", "45701"), new City("Logan", "43138"), new City("Cambridge", "43725"),
      new City("Coshocton", "43812"), new City("Mount Vernon", "43050"), new City("Ashland", "44805"),
      new City("Wooster", "44691"), new City("Bucyrus", "44820"), new City("Washington Court House", "43160"),
      new City("Wilmington", "45177"), new City("Troy", "45373"), new City("Piqua", "45356"),
      new City("Sidney", "45365"), new City("Bellefontaine", "43311"));

  private static final String[] HOSPITAL_NAMES = {
    "Kestrel Valley Medical Center", "Kestrel Valley Dayton Hospital", "Kestrel Valley Springfield Hospital",
    "Kestrel Valley Zanesville Hospital", "Kestrel Valley Mansfield Hospital", "Kestrel Valley Chillicothe Hospital"
  };

  private static final String[] CLINIC_KINDS = {"Family Medicine", "Primary Care", "Internal Medicine", "Family Health"};

  // Specialties each hospital staffs, in the order the generator looks them up.
  static final String EMERGENCY_MEDICINE = "Emergency Medicine";
  static final String HOSPITALIST = "Hospitalist";
  static final String ORTHOPAEDIC_SURGERY = "Orthopaedic Surgery";
  static final String GASTROENTEROLOGY = "Gastroenterology";

  private static final String[][] HOSPITAL_SPECIALTIES = {
    {"207P00000X", EMERGENCY_MEDICINE, "MD"},
    {"208M00000X", HOSPITALIST, "MD"},
    {"207X00000X", ORTHOPAEDIC_SURGERY, "DO"},
    {"207RG0100X", GASTROENTEROLOGY, "MD"}
  };

  private static final String[][] CLINIC_SPECIALTIES = {
    {"207Q00000X", "Family Medicine", "MD"},
    {"207R00000X", "Internal Medicine", "DO"},
    {"363LF0000X", "Nurse Practitioner, Family", "NP"},
    {"207Q00000X", "Family Medicine", "DO"},
    {"363AM0700X", "Physician Assistant, Medical", "PA-C"}
  };

  private static final String[] PROVIDER_GIVEN = {
    "Avery", "Jordan", "Morgan", "Priya", "Daniel", "Elena", "Marcus", "Hannah", "Samuel", "Grace",
    "Nathan", "Leah", "Omar", "Rachel", "Victor", "Claire", "Aaron", "Nadia", "Caleb", "Irene"
  };

  private static final String[] PROVIDER_FAMILY = {
    "Whitcomb", "Okafor", "Lindqvist", "Ramanathan", "Delacroix", "Brennan", "Castellano", "Hollis",
    "Mbeki", "Sorensen", "Talbot", "Vasquez", "Ashworth", "Kowalczyk", "Pemberton", "Yamada", "Quinlan"
  };

  private final List<Facility> facilities;
  private final List<Payer> payers;
  private final List<Provider> providers;
  private final Map<String, Facility> facilitiesById;
  private final Map<String, Payer> payersById;
  private final Map<String, List<Provider>> providersByFacility;

  public SandboxNetwork() {
    this.facilities = List.copyOf(buildFacilities());
    this.payers = List.of(
        new Payer("MCR", "Medicare Part A and B (sandbox MAC)", PayerClass.MEDICARE, 365, MBI_PATTERN),
        new Payer("MCD", "Ohio Medicaid fee-for-service (sandbox)", PayerClass.MEDICAID, 365, "[0-9]{12}"),
        new Payer("MCO", "Maple Grove Community Health Plan (Medicaid managed care)", PayerClass.MEDICAID, 365,
            "MG[0-9]{9}"),
        new Payer("CMA", "Lakeshore Mutual Health Plan", PayerClass.COMMERCIAL, 180, "LMH[0-9]{9}"),
        new Payer("CMB", "Tallgrass Employers Health Plan", PayerClass.COMMERCIAL, 90, "TG[0-9]{7}-0[1-9]"));
    this.providers = List.copyOf(buildProviders(facilities));
    this.facilitiesById = facilities.stream().collect(Collectors.toUnmodifiableMap(Facility::id, Function.identity()));
    this.payersById = payers.stream().collect(Collectors.toUnmodifiableMap(Payer::id, Function.identity()));
    this.providersByFacility = providers.stream().collect(Collectors.groupingBy(Provider::facilityId,
        Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
    requireUnique(facilities.stream().map(Facility::npi).toList(), providers.stream().map(Provider::npi).toList());
  }

  public List<Facility> facilities() {
    return facilities;
  }

  public List<Payer> payers() {
    return payers;
  }

  public List<Provider> providers() {
    return providers;
  }

  public Optional<Facility> facility(String id) {
    return Optional.ofNullable(id).map(facilitiesById::get);
  }

  public Optional<Payer> payer(String id) {
    return Optional.ofNullable(id).map(payersById::get);
  }

  public List<Provider> providersAt(String facilityId) {
    return providersByFacility.getOrDefault(facilityId, List.of());
  }

  /**
   * The sandbox payers' prior authorization policy: a few high-cost procedures and operating room
   * time for everyone, and every inpatient stay except for Medicare (which reviews stays after the
   * fact). Self-pay (no payer) needs no authorization.
   */
  public boolean priorAuthorizationRequired(
      String payerId, boolean inpatient, Collection<String> procedureCodes, Collection<String> revenueCodes) {
    Optional<Payer> payer = payer(payerId);
    if (payer.isEmpty()) {
      return false;
    }
    if (procedureCodes.stream().anyMatch(AUTH_PROCEDURES::contains)
        || revenueCodes.stream().anyMatch(AUTH_REVENUE_CODES::contains)) {
      return true;
    }
    return inpatient && payer.get().payerClass() != PayerClass.MEDICARE;
  }

  // ---- payer contracts: fee schedules, cost sharing, coverage and claim policies ----

  /** How a line is priced when the payer has no amount for its code. */
  public enum CodeFamily {
    EVALUATION_AND_MANAGEMENT,
    LABORATORY,
    RADIOLOGY,
    SURGERY,
    MEDICINE,
    DRUGS_AND_SUPPLIES,
    /** Every line of an institutional claim: hospital contracts here pay a share of charges. */
    FACILITY
  }

  public static CodeFamily familyOf(String procedureCode, boolean institutional) {
    if (institutional || procedureCode == null || procedureCode.isEmpty()) {
      return CodeFamily.FACILITY;
    }
    char first = procedureCode.charAt(0);
    if (Character.isLetter(first)) {
      return "JCAEL".indexOf(first) >= 0 ? CodeFamily.DRUGS_AND_SUPPLIES : CodeFamily.MEDICINE;
    }
    int code = Integer.parseInt(procedureCode.substring(0, Math.min(5, procedureCode.length())));
    if (code >= 99202 && code <= 99499) {
      return CodeFamily.EVALUATION_AND_MANAGEMENT;
    }
    if (code >= 90000) {
      return CodeFamily.MEDICINE;
    }
    if (code >= 80000) {
      return CodeFamily.LABORATORY;
    }
    if (code >= 70000) {
      return CodeFamily.RADIOLOGY;
    }
    return CodeFamily.SURGERY;
  }

  /**
   * A payer's fee schedule: an allowed amount per unit for the codes it lists (professional claims),
   * else a percentage of the line's charge by code family. Never more than the charge.
   */
  public record FeeSchedule(String description, Map<String, BigDecimal> allowedPerUnit,
      Map<CodeFamily, BigDecimal> percentOfCharge) {

    public BigDecimal allowed(Line line, boolean institutional) {
      BigDecimal perUnit = institutional || line.procedureCode() == null ? null : allowedPerUnit.get(line.procedureCode());
      BigDecimal amount = perUnit != null
          ? perUnit.multiply(line.units() == null ? BigDecimal.ONE : line.units())
          : line.charge().multiply(percentOfCharge.get(familyOf(line.procedureCode(), institutional)));
      return amount.setScale(2, RoundingMode.HALF_UP).min(line.charge());
    }
  }

  /**
   * What the member pays: whether and how much deductible is still open (fixed per member), the
   * coinsurance after it, and copays for office and emergency visits (a copay replaces deductible
   * and coinsurance for that visit).
   */
  public record CostSharing(String description, double deductibleOpenRate, List<BigDecimal> deductibles,
      BigDecimal coinsurance, BigDecimal officeCopayFrom, BigDecimal emergencyCopayFrom, int copaySteps,
      BigDecimal copayStep) {}

  /** @param nonCoveredCodes services the plan does not cover (CARC 96 with RARC N130) */
  public record PayerContract(String payerId, FeeSchedule feeSchedule, CostSharing costSharing,
      Set<String> nonCoveredCodes) {}

  /** Roughly the national Medicare physician and lab fee schedule amounts, per unit. */
  private static final Map<String, BigDecimal> MEDICARE_FEES = amounts(
      "99202", "72.00", "99203", "111.00", "99204", "166.00", "99205", "219.00", "99211", "23.00",
      "99212", "57.00", "99213", "92.00", "99214", "130.00", "99215", "183.00", "G0438", "172.00",
      "G0439", "134.00", "80053", "10.56", "85025", "7.77", "36415", "2.59", "83036", "9.71", "80061", "13.39",
      "81003", "3.06", "83880", "35.85", "93000", "16.34", "71046", "35.00", "73610", "31.00", "72100", "39.00",
      "97110", "29.00", "97140", "26.00", "20610", "66.00", "J3301", "1.70", "70553", "383.00");

  private static final Set<String> ROUTINE_PHYSICALS = Set.of(
      "99381", "99382", "99383", "99384", "99385", "99386", "99387",
      "99391", "99392", "99393", "99394", "99395", "99396", "99397");

  private static final Map<String, PayerContract> CONTRACTS = Map.of(
      "MCR", new PayerContract("MCR",
          new FeeSchedule("Medicare fee schedule amounts per code; hospital claims 30% of charges", MEDICARE_FEES,
              percents("0.30", "0.30")),
          new CostSharing("Part B deductible 257.00 then 20% coinsurance; Part A deductible 1,676.00 per stay",
              0.45, List.of(new BigDecimal("257.00")), new BigDecimal("0.20"), null, null, 0, null),
          // the routine physical is not a Medicare benefit (the annual wellness visit is)
          ROUTINE_PHYSICALS),
      "MCD", new PayerContract("MCD",
          new FeeSchedule("70% of the Medicare amounts per code; hospital claims 26% of charges",
              scaled(MEDICARE_FEES, "0.70"), percents("0.26", "0.26")),
          new CostSharing("none", 0, List.of(BigDecimal.ZERO.setScale(2)), BigDecimal.ZERO, null, null, 0, null),
          Set.of("G0438", "G0439")),
      "MCO", new PayerContract("MCO",
          new FeeSchedule("share of charges by code family (E/M 40%, lab 15%, radiology 30%, other 35%); "
              + "hospital claims 28%", Map.of(), percents("0.40", "0.15", "0.30", "0.35", "0.35", "0.45", "0.28")),
          new CostSharing("none", 0, List.of(BigDecimal.ZERO.setScale(2)), BigDecimal.ZERO, null, null, 0, null),
          Set.of("G0438", "G0439")),
      "CMA", new PayerContract("CMA",
          new FeeSchedule("share of charges by code family (E/M 65%, lab 40%, radiology 55%, other 60%); "
              + "hospital claims 55%", Map.of(), percents("0.65", "0.40", "0.55", "0.60", "0.60", "0.70", "0.55")),
          new CostSharing("deductible 500 to 3,000 then 20% coinsurance; office copay 20 to 40, emergency 150 to 300",
              0.45, amountList("500", "750", "1000", "1500", "2000", "3000"), new BigDecimal("0.20"),
              new BigDecimal("20.00"), new BigDecimal("150.00"), 5, new BigDecimal("5.00")),
          Set.of("G0438", "G0439")),
      "CMB", new PayerContract("CMB",
          new FeeSchedule("140% of the Medicare amounts per code, else 68% of charges; hospital claims 62%",
              scaled(MEDICARE_FEES, "1.40"), percents("0.68", "0.62")),
          new CostSharing("deductible 250 or 500 then 10% coinsurance; office copay 30 to 50, emergency 100 to 250",
              0.30, amountList("250", "500"), new BigDecimal("0.10"), new BigDecimal("30.00"),
              new BigDecimal("100.00"), 5, new BigDecimal("5.00")),
          // manual therapy is excluded from this employer plan's benefits
          Set.of("G0438", "G0439", "97140")));

  /**
   * Procedure-to-procedure pairs the sandbox payers bundle (column 1, then the column 2 codes it
   * includes on the same day), unless the column 2 line carries 59 or an X{EPSU} modifier.
   */
  public static final Map<String, Set<String>> BUNDLED_PAIRS = Map.of(
      "93000", Set.of("93005", "93010"),
      "80053", Set.of("80048", "82565", "84132"),
      "43239", Set.of("43235"),
      "27447", Set.of("20610", "27370"),
      "20610", Set.of("76942"),
      "99285", Set.of("36415"));

  private static final Set<String> DISTINCT_SERVICE_MODIFIERS = Set.of("59", "XE", "XP", "XS", "XU");

  /**
   * Medical necessity (like a Medicare LCD): the diagnoses (ICD-10-CM prefixes) that support a
   * code; a code not listed needs none.
   */
  public static final Map<String, List<String>> SUPPORTING_DIAGNOSES = Map.of(
      "83036", List.of("E08", "E09", "E10", "E11", "E13", "R73", "O24", "Z13.1"),
      "70553", List.of("G", "C71", "C79.3", "R51", "R42", "R41", "R55", "S06", "H53", "H47"),
      "72100", List.of("M", "S32", "S33", "S39", "R29", "C79.5", "G54", "G55"),
      "93000", List.of("I", "R00", "R01", "R03", "R06", "R07", "R42", "R55", "E11", "E78", "Z01.810", "Z01.818"),
      "83880", List.of("I50", "I11.0", "I13", "R06", "R60", "R07"));

  public PayerContract contract(String payerId) {
    PayerContract contract = CONTRACTS.get(payerId);
    if (contract == null) {
      throw new IllegalArgumentException("No sandbox payer " + payerId);
    }
    return contract;
  }

  /** The line's column 1 code billed on the same day without a distinct-service modifier, if any. */
  public static Optional<String> bundledInto(Line line, List<Line> lines) {
    if (line.procedureCode() == null
        || (line.modifiers() != null && line.modifiers().stream().anyMatch(DISTINCT_SERVICE_MODIFIERS::contains))) {
      return Optional.empty();
    }
    return lines.stream()
        .filter(other -> other != line && other.procedureCode() != null
            && BUNDLED_PAIRS.getOrDefault(other.procedureCode(), Set.of()).contains(line.procedureCode())
            && java.util.Objects.equals(other.serviceDate(), line.serviceDate()))
        .map(Line::procedureCode).findFirst();
  }

  /** Whether one of the diagnoses supports the code (always, for a code with no policy). */
  public static boolean medicallyNecessary(String procedureCode, List<String> diagnoses) {
    List<String> supporting = procedureCode == null ? null : SUPPORTING_DIAGNOSES.get(procedureCode);
    return supporting == null || diagnoses.stream().anyMatch(d -> supporting.stream().anyMatch(d::startsWith));
  }

  private static Map<String, BigDecimal> amounts(String... codeAndAmount) {
    Map<String, BigDecimal> map = new java.util.HashMap<>();
    for (int i = 0; i < codeAndAmount.length; i += 2) {
      map.put(codeAndAmount[i], new BigDecimal(codeAndAmount[i + 1]));
    }
    return Map.copyOf(map);
  }

  private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> fees, String factor) {
    return fees.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> e.getValue().multiply(new BigDecimal(factor)).setScale(2, RoundingMode.HALF_UP)));
  }

  private static List<BigDecimal> amountList(String... amounts) {
    return java.util.Arrays.stream(amounts).map(a -> new BigDecimal(a).setScale(2)).toList();
  }

  /** One share for every professional family and one for hospital claims, or one per family in enum order. */
  private static Map<CodeFamily, BigDecimal> percents(String... shares) {
    Map<CodeFamily, BigDecimal> map = new java.util.EnumMap<>(CodeFamily.class);
    CodeFamily[] families = CodeFamily.values();
    for (int i = 0; i < families.length; i++) {
      String share = shares.length == 2 ? (families[i] == CodeFamily.FACILITY ? shares[1] : shares[0]) : shares[i];
      map.put(families[i], new BigDecimal(share));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  List<City> cities() {
    return CITIES;
  }

  /** The ZIP code of a network city; patients living there get it. */
  String postalCode(String city) {
    return CITIES.stream().filter(c -> c.name().equals(city)).map(City::postalCode).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Not a network city: " + city));
  }

  /**
   * NPI check digit: the Luhn check over "80840" + the nine digits (80840 is the health-industry
   * prefix the NPI standard puts in front). The prefix always adds 24 to the Luhn sum.
   */
  public static boolean isValidNpi(String npi) {
    if (npi == null || !npi.matches("[0-9]{10}")) {
      return false;
    }
    return npiWithCheckDigit(npi.substring(0, 9)).equals(npi);
  }

  public static String npiWithCheckDigit(String nineDigits) {
    if (nineDigits == null || !nineDigits.matches("[0-9]{9}")) {
      throw new IllegalArgumentException("An NPI check digit needs exactly nine digits");
    }
    int sum = 24;
    for (int i = 0; i < 9; i++) {
      int digit = nineDigits.charAt(i) - '0';
      // Counting from the right of the full number, the check digit is position 1, so the
      // leftmost of the nine digits (position 10) is doubled, then every other one.
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    int check = (10 - sum % 10) % 10;
    return nineDigits + check;
  }

  /**
   * A stable 64-bit hash of a seed and some strings (FNV-1a, then the SplitMix64 finalizer), for
   * values that must not depend on call order or on String.hashCode's 32 bits.
   */
  static long hash(long seed, String... parts) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (String part : parts) {
      for (byte b : (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      h ^= 0x1f; // separator, so ("ab","c") and ("a","bc") differ
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A deterministic number in [0, bound) for the given key. */
  static long pick(long bound, String... key) {
    return Math.floorMod(hash(0x5eed_5eedL, key), bound);
  }

  private static List<Facility> buildFacilities() {
    List<Facility> list = new ArrayList<>();
    for (int i = 0; i < HOSPITAL_NAMES.length; i++) {
      String id = String.format("H%02d", i + 1);
      // The first six cities: Columbus, Dayton, Springfield, Zanesville, Mansfield, Chillicothe.
      City city = CITIES.get(i);
      // Each hospital is its own legal entity, so its own tax id.
      String taxId = "31" + digits(7, "hospital-tin", id);
      list.add(new Facility(id, HOSPITAL_NAMES[i], FacilityType.HOSPITAL, organizationNpi(id), taxId, "21",
          city.name(), STATE));
    }
    // The clinics belong to one medical group that bills under one tax id.
    String groupTaxId = "31" + digits(7, "group-tin");
    for (int i = 0; i < 40; i++) {
      String id = String.format("C%02d", i + 1);
      City city = CITIES.get(i % CITIES.size());
      String kind = CLINIC_KINDS[i % CLINIC_KINDS.length];
      // A city with a second clinic gets "North", so every clinic name is unique.
      String name = "Kestrel Valley " + kind + " " + city.name() + (i >= CITIES.size() ? " North" : "");
      list.add(new Facility(id, name, FacilityType.CLINIC, organizationNpi(id), groupTaxId, "11", city.name(), STATE));
    }
    return list;
  }

  private static List<Provider> buildProviders(List<Facility> facilities) {
    List<Provider> list = new ArrayList<>();
    int n = 0;
    for (Facility facility : facilities) {
      String[][] specialties = facility.type() == FacilityType.HOSPITAL
          ? HOSPITAL_SPECIALTIES
          : new String[][] {CLINIC_SPECIALTIES[Integer.parseInt(facility.id().substring(1)) % CLINIC_SPECIALTIES.length]};
      for (String[] specialty : specialties) {
        String name = PROVIDER_GIVEN[n % PROVIDER_GIVEN.length] + " "
            + PROVIDER_FAMILY[(n * 7 + 3) % PROVIDER_FAMILY.length] + ", " + specialty[2];
        String npi = npiWithCheckDigit("1" + digits(8, "provider-npi", facility.id(), specialty[1]));
        list.add(new Provider(npi, name, specialty[0], specialty[1], facility.id()));
        n++;
      }
    }
    return list;
  }

  private static String organizationNpi(String facilityId) {
    return npiWithCheckDigit("1" + digits(8, "facility-npi", facilityId));
  }

  private static String digits(int count, String... key) {
    long bound = (long) Math.pow(10, count);
    return String.format("%0" + count + "d", pick(bound, key));
  }

  private static void requireUnique(List<String> facilityNpis, List<String> providerNpis) {
    Set<String> seen = new HashSet<>();
    for (String npi : facilityNpis) {
      if (!seen.add(npi)) {
        throw new IllegalStateException("Duplicate NPI in the sandbox network: " + npi);
      }
    }
    for (String npi : providerNpis) {
      if (!seen.add(npi)) {
        throw new IllegalStateException("Duplicate NPI in the sandbox network: " + npi);
      }
    }
  }
}
