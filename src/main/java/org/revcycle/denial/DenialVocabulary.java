package org.revcycle.denial;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A labelled set of denials made from the sandbox payers' denial vocabulary: the CARCs and RARCs
 * they send (27, 197, 16, 18, 22, 29, 50, 96, 97 with MA130, N290, M62, N130...) and the phrases of
 * their letters and portal remarks, for each root cause. Seeded, so the same seed gives the same set.
 *
 * <p>How it is made (README, "Denial classifier"): for each example a root cause is drawn with the
 * payer's mix; then what the payer sent is drawn: 55 % the root cause's own reason code (sometimes
 * with a remark code and a remark), 25 % the catch-all CARC 16 with a remark code the root-cause
 * table does not know (or none) and a remark in words, 20 % words only (a letter or a 277 with no
 * CARC). Remarks are built from phrases that overlap between causes ("records", "primary",
 * "authorized"), with filler words; a quarter of the one-phrase remarks are phrases payers use for
 * more than one cause ("documentation does not support the services billed": coding or medical
 * necessity); 4 % of examples carry a code that a payer misused (the code of another cause), as real
 * remittances do; and 3 % of labels name another cause (analysts disagree). The classifier must
 * learn from words and codes together, and cannot be right every time.
 */
public final class DenialVocabulary {

  /** One example: what the payer sent and the root cause a senior analyst would give it. */
  public record LabelledDenial(DenialFacts facts, RootCause rootCause) {}

  record Cause(List<String> carcs, List<String> rarcs, List<String> phrases) {}

  static final Map<RootCause, Cause> CAUSES = new EnumMap<>(RootCause.class);

  static {
    CAUSES.put(RootCause.REGISTRATION_ELIGIBILITY, new Cause(List.of("27", "31", "26", "109"), List.of("N30", "MA61"),
        List.of("member not eligible on the date of service", "coverage terminated prior to the date of service",
            "patient cannot be identified as our insured", "subscriber id invalid or not found",
            "policy not in effect for these dates", "eligibility could not be verified for the member",
            "wrong payer for this member")));
    CAUSES.put(RootCause.AUTHORIZATION, new Cause(List.of("197", "198", "15"), List.of("M62", "N54"),
        List.of("prior authorization required but not obtained", "no referral on file for this visit",
            "authorization number missing or invalid", "precertification was not obtained before the admission",
            "services exceed the authorized number of visits", "the authorization had expired on the date of service",
            "retro authorization not accepted")));
    CAUSES.put(RootCause.CODING, new Cause(List.of("97", "4", "11", "234"), List.of("M80", "N657"),
        List.of("procedure code inconsistent with the modifier", "diagnosis does not support the procedure billed",
            "service bundled into the primary procedure", "ncci procedure to procedure edit",
            "invalid cpt or hcpcs code for the date of service", "modifier 59 not supported by the documentation",
            "units exceed the medically unlikely edit")));
    CAUSES.put(RootCause.MEDICAL_NECESSITY, new Cause(List.of("50", "56", "150"), List.of("N115", "M25"),
        List.of("not medically necessary as documented", "does not meet clinical criteria for this service",
            "level of care not justified by the records", "experimental or investigational service",
            "lcd criteria not met", "frequency exceeds clinical guidelines")));
    CAUSES.put(RootCause.TIMELY_FILING, new Cause(List.of("29"), List.of("N211"),
        List.of("received after the filing limit", "timely filing deadline exceeded",
            "submitted beyond the days allowed from the date of service", "late claim submission",
            "no proof of timely filing")));
    CAUSES.put(RootCause.DUPLICATE, new Cause(List.of("18"), List.of("N522", "M86"),
        List.of("duplicate of a previously processed claim", "same service already billed and paid",
            "exact duplicate submission", "previously adjudicated under another claim number")));
    CAUSES.put(RootCause.COORDINATION_OF_BENEFITS, new Cause(List.of("22", "23"), List.of("N4", "MA04"),
        List.of("other insurance is primary", "submit to the primary carrier first",
            "coordination of benefits questionnaire not returned", "medicare secondary payer record on file",
            "other coverage on file for the member", "primary payer eob required")));
    CAUSES.put(RootCause.MISSING_INFORMATION, new Cause(List.of("16", "252", "226"), List.of("N290", "MA130", "N706"),
        List.of("missing rendering provider npi", "incomplete claim information", "attachment not received",
            "medical records requested were not received", "invalid billing provider taxonomy",
            "missing admission date", "itemized bill required")));
    CAUSES.put(RootCause.NON_COVERED, new Cause(List.of("96", "204", "49"), List.of("N130", "N425"),
        List.of("service not covered under the plan", "benefit exclusion applies", "non covered charge",
            "cosmetic procedure not covered", "benefit maximum reached for the year", "routine exam not a covered benefit")));
  }

  /**
   * Phrases payers use for more than one root cause: "documentation does not support" is said of
   * codes and of medical necessity alike. An example drawn with one of these is genuinely ambiguous.
   */
  private static final List<Map.Entry<String, List<RootCause>>> AMBIGUOUS = List.of(
      Map.entry("documentation does not support the services billed", List.of(RootCause.CODING, RootCause.MEDICAL_NECESSITY)),
      Map.entry("records requested for review", List.of(RootCause.MISSING_INFORMATION, RootCause.MEDICAL_NECESSITY)),
      Map.entry("not covered by this payer", List.of(RootCause.NON_COVERED, RootCause.REGISTRATION_ELIGIBILITY)),
      Map.entry("information on file is incomplete", List.of(RootCause.MISSING_INFORMATION,
          RootCause.COORDINATION_OF_BENEFITS, RootCause.REGISTRATION_ELIGIBILITY)),
      Map.entry("service not authorized as billed", List.of(RootCause.AUTHORIZATION, RootCause.CODING)),
      Map.entry("previously considered", List.of(RootCause.DUPLICATE, RootCause.TIMELY_FILING)));

  /** Remark codes the root-cause table does not map: a CARC 16 with one of these needs the words. */
  private static final List<String> UNTELLING_RARCS = List.of("N56", "M51", "N479", "N20");

  private static final List<String> FILLERS = List.of("per review", "see attached", "reference the explanation of benefits",
      "contact provider services", "as of today", "kindly note", "records reviewed", "primary reason below",
      "authorized representative", "claim review unit");

  /** The sandbox payers and how their denials lean (Medicaid plans deny more on eligibility, commercial on authorization). */
  static final List<String> PAYERS = List.of("MCR", "MCD", "MCO", "CMA", "CMB");

  private static final Map<String, double[]> PAYER_MIX = Map.of(
      // REG, AUTH, CODING, MED_NEC, TIMELY, DUP, COB, MISSING, NON_COV
      "MCR", new double[] {10, 4, 16, 16, 6, 8, 12, 18, 10},
      "MCD", new double[] {24, 10, 10, 8, 8, 8, 12, 14, 6},
      "MCO", new double[] {18, 18, 10, 10, 6, 6, 10, 14, 8},
      "CMA", new double[] {12, 22, 12, 12, 6, 8, 8, 12, 8},
      "CMB", new double[] {14, 18, 14, 10, 8, 8, 8, 12, 8});

  private DenialVocabulary() {}

  /** {@code size} labelled denials from {@code seed}; the same arguments give the same list. */
  public static List<LabelledDenial> generate(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LabelledDenial> set = new ArrayList<>(size);
    RootCause[] causes = RootCause.values();
    for (int i = 0; i < size; i++) {
      String payer = PAYERS.get(random.nextInt(PAYERS.size()));
      RootCause cause = causes[draw(random, PAYER_MIX.get(payer))];
      DenialFacts facts = example(random, payer, cause);
      // analysts disagree now and then: 3 % of labels are another cause than the one the payer's words were drawn for
      RootCause label = random.nextDouble() < 0.03 ? causes[random.nextInt(causes.length)] : cause;
      set.add(new LabelledDenial(facts, label));
    }
    return set;
  }

  private static DenialFacts example(SplittableRandom random, String payer, RootCause cause) {
    Cause c = CAUSES.get(cause);
    double shape = random.nextDouble();
    String group = random.nextDouble() < 0.85 ? "CO" : (random.nextBoolean() ? "OA" : "PI");
    if (random.nextDouble() < 0.04) {
      // a code a payer misused: the reason code of another cause, with this cause's words
      Cause other = CAUSES.get(RootCause.values()[random.nextInt(RootCause.values().length)]);
      return new DenialFacts(payer, group, List.of(pick(random, other.carcs())), List.of(), remark(random, c, 1));
    }
    if (shape < 0.55) {
      List<String> rarcs = random.nextDouble() < 0.4 ? List.of(pick(random, c.rarcs())) : List.of();
      String text = random.nextDouble() < 0.5 ? remark(random, c, 1) : "";
      return new DenialFacts(payer, group, List.of(pick(random, c.carcs())), rarcs, text);
    }
    if (shape < 0.80) {
      List<String> rarcs = random.nextDouble() < 0.5 ? List.of(pick(random, UNTELLING_RARCS)) : List.of();
      return new DenialFacts(payer, group, List.of("16"), rarcs, remark(random, c, 1 + random.nextInt(2)));
    }
    return new DenialFacts(payer, null, List.of(), List.of(), remark(random, c, 1 + random.nextInt(2)));
  }

  private static String remark(SplittableRandom random, Cause cause, int phrases) {
    StringBuilder s = new StringBuilder();
    if (random.nextDouble() < 0.5) {
      s.append(pick(random, FILLERS)).append(": ");
    }
    RootCause of = CAUSES.entrySet().stream().filter(e -> e.getValue() == cause).findFirst().orElseThrow().getKey();
    List<String> ambiguous = AMBIGUOUS.stream().filter(e -> e.getValue().contains(of)).map(Map.Entry::getKey).toList();
    if (phrases == 1 && !ambiguous.isEmpty() && random.nextDouble() < 0.25) {
      // the payer said only something that fits more than one cause
      return s.append(pick(random, ambiguous)).toString();
    }
    for (int i = 0; i < phrases; i++) {
      s.append(i == 0 ? "" : "; ").append(pick(random, cause.phrases()));
    }
    if (random.nextDouble() < 0.3) {
      s.append(". ").append(pick(random, FILLERS));
    }
    return s.toString();
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  static int draw(SplittableRandom random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
