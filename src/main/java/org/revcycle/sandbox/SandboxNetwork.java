package org.revcycle.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
