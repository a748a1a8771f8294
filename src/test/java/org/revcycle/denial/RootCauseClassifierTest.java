package org.revcycle.denial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier trained on the seeded labelled set: deterministic, and right where the words are plain. */
class RootCauseClassifierTest {

  static final long SEED = 20261127L;
  static RootCauseClassifier classifier;

  @BeforeAll
  static void train() {
    classifier = RootCauseClassifier.train(DenialVocabulary.generate(SEED, 4000), SEED, "test");
  }

  @Test
  void theLabelledSetIsTheSameForTheSameSeed() {
    assertThat(DenialVocabulary.generate(SEED, 200)).isEqualTo(DenialVocabulary.generate(SEED, 200));
    assertThat(DenialVocabulary.generate(SEED, 200)).isNotEqualTo(DenialVocabulary.generate(SEED + 1, 200));
    assertThat(DenialVocabulary.generate(SEED, 4000).stream().map(DenialVocabulary.LabelledDenial::rootCause).distinct())
        .as("every root cause is in the set").hasSize(RootCause.values().length);
  }

  @Test
  void aRemarkAboutPriorAuthorizationIsAnAuthorizationDenial() {
    RootCauseClassifier.Prediction p = classifier.predict(new DenialFacts("CMA", "CO", List.of("16"), List.of(),
        "Prior authorization was required for this procedure but none was obtained"));
    assertThat(p.rootCause()).isEqualTo(RootCause.AUTHORIZATION);
    assertThat(p.confidence()).isGreaterThan(0.6);
    assertThat(p.topFeatures()).as("the words weighed most, not the catch-all code")
        .anyMatch(f -> f.startsWith("word=authorization") || f.startsWith("words=prior_authorization"));
    assertThat(p.modelVersion()).isEqualTo("test");
  }

  @Test
  void wordsOnlyLettersAreClassifiedToo() {
    assertThat(classifier.predict(new DenialFacts("MCD", null, List.of(), List.of(),
        "The member was not eligible on the date of service; coverage terminated")).rootCause())
        .isEqualTo(RootCause.REGISTRATION_ELIGIBILITY);
    assertThat(classifier.predict(new DenialFacts("CMB", null, List.of(), List.of(),
        "Received after the filing limit")).rootCause()).isEqualTo(RootCause.TIMELY_FILING);
    assertThat(classifier.predict(new DenialFacts("MCR", "CO", List.of("16"), List.of("N56"),
        "Submit to the primary carrier first: other insurance is primary")).rootCause())
        .isEqualTo(RootCause.COORDINATION_OF_BENEFITS);
  }

  @Test
  void trainingTwiceGivesTheSameAnswersAndConfidence() {
    RootCauseClassifier again = RootCauseClassifier.train(DenialVocabulary.generate(SEED, 4000), SEED, "test");
    for (DenialVocabulary.LabelledDenial d : DenialVocabulary.generate(99, 50)) {
      RootCauseClassifier.Prediction a = classifier.predict(d.facts());
      RootCauseClassifier.Prediction b = again.predict(d.facts());
      assertThat(b.rootCause()).isEqualTo(a.rootCause());
      assertThat(b.confidence()).isEqualTo(a.confidence());
    }
  }

  @Test
  void nothingToGoOnGivesLowConfidence() {
    // a reason code the labelled set never had and no words: the model knows no more than the mix of causes
    RootCauseClassifier.Prediction p = classifier.predict(new DenialFacts("CMA", "CO", List.of("999"), List.of(), ""));
    assertThat(p.confidence()).as("goes to triage").isLessThan(0.6);
    // a bare CARC 16 is, in this vocabulary, almost always missing information
    assertThat(classifier.predict(new DenialFacts("CMA", "CO", List.of("16"), List.of(), "")).rootCause())
        .isEqualTo(RootCause.MISSING_INFORMATION);
  }

  @Test
  void theRecoveryModelRanksAnEasyRecoveryAboveAHopelessOne() {
    RecoveryModel recovery = RecoveryModel.train(RecoveryHistory.generate(SEED + 1, 4000), SEED, "test");
    double missingInfo = recovery.probability(new RecoveryHistory.Case("CMA", RootCause.MISSING_INFORMATION,
        new java.math.BigDecimal("800.00"), 5, 3, 3));
    double timelyFiling = recovery.probability(new RecoveryHistory.Case("MCD", RootCause.TIMELY_FILING,
        new java.math.BigDecimal("800.00"), 90, 3, 0));
    assertThat(missingInfo).isGreaterThan(0.7);
    assertThat(timelyFiling).isLessThan(0.3);
    assertThat(DenialManagement.priority(new java.math.BigDecimal("1000.00")))
        .isGreaterThan(DenialManagement.priority(new java.math.BigDecimal("100.00")));
  }
}
