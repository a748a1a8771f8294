package org.revcycle.denial;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Past denials and whether their money came back, made from how the sandbox payers behave: seeded,
 * so the same seed gives the same history. The chance of recovery depends on the payer (Medicaid
 * plans rarely reverse, commercial payers often do on appeal), the root cause (missing information
 * and eligibility are usually recovered by a corrected claim; timely filing and non-covered
 * services almost never), the amount (large claims are worth a fight and get one), the age of the
 * denial when it is worked (the longer, the less), and how past appeals to the payer went.
 */
public final class RecoveryHistory {

  /** What is known about a denial when it is worked, and (for history) whether it was recovered. */
  public record Case(String payerId, RootCause rootCause, BigDecimal amount, int ageDays, int priorAppeals,
      int priorAppealsWon) {

    /** Share of past appeals to this payer for this cause that were won; 0.5 with none. */
    double priorWinRate() {
      return priorAppeals == 0 ? 0.5 : (double) priorAppealsWon / priorAppeals;
    }
  }

  public record Outcome(Case denial, boolean recovered) {}

  private static final Map<String, Double> PAYER_EFFECT = Map.of("MCR", 0.2, "MCD", -0.6, "MCO", -0.3, "CMA", 0.4,
      "CMB", -0.1);

  private static final Map<RootCause, Double> CAUSE_EFFECT = Map.of(
      RootCause.MISSING_INFORMATION, 1.4, RootCause.REGISTRATION_ELIGIBILITY, 0.9,
      RootCause.COORDINATION_OF_BENEFITS, 1.0, RootCause.CODING, 0.6, RootCause.AUTHORIZATION, 0.0,
      RootCause.MEDICAL_NECESSITY, -0.3, RootCause.NON_COVERED, -1.6, RootCause.TIMELY_FILING, -2.2,
      RootCause.DUPLICATE, -1.2);

  private RecoveryHistory() {}

  public static List<Outcome> generate(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Outcome> history = new ArrayList<>(size);
    RootCause[] causes = RootCause.values();
    for (int i = 0; i < size; i++) {
      String payer = DenialVocabulary.PAYERS.get(random.nextInt(DenialVocabulary.PAYERS.size()));
      RootCause cause = causes[random.nextInt(causes.length)];
      // amounts spread like claim charges: most under 1,000 USD, a tail into tens of thousands
      double amount = Math.exp(4.5 + 1.4 * gaussian(random));
      int age = random.nextInt(120);
      int prior = random.nextInt(6);
      double truePayerCauseRate = logistic(PAYER_EFFECT.get(payer) + CAUSE_EFFECT.get(cause));
      int priorWon = 0;
      for (int p = 0; p < prior; p++) {
        priorWon += random.nextDouble() < truePayerCauseRate ? 1 : 0;
      }
      Case denial = new Case(payer, cause, BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP), age, prior, priorWon);
      double logit = PAYER_EFFECT.get(payer) + CAUSE_EFFECT.get(cause) + 0.35 * (Math.log10(amount) - 2.5)
          - 0.015 * age + 1.2 * (denial.priorWinRate() - 0.5) + 0.3 * gaussian(random);
      history.add(new Outcome(denial, random.nextDouble() < logistic(logit)));
    }
    return history;
  }

  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = Math.max(random.nextDouble(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
