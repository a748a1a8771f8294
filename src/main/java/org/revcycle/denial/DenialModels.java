package org.revcycle.denial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two models of denial management, trained at start-up on a background thread so the
 * application does not wait for them (a denial that comes first waits instead, about a second):
 * the root cause classifier on the generated labelled set plus every analyst's correction stored
 * so far, and the recovery model on the generated history. Seeded, so every start gives the same
 * models for the same data; the version names the seed and the number of examples.
 */
@Component
public class DenialModels {

  private static final Logger log = LoggerFactory.getLogger(DenialModels.class);

  private record Trained(RootCauseClassifier classifier, RecoveryModel recovery) {}

  private final CompletableFuture<Trained> trained;

  public DenialModels(DenialProperties properties, DenialRepository denials) {
    this.trained = CompletableFuture.supplyAsync(() -> train(properties, denials), runnable -> {
      Thread thread = new Thread(runnable, "denial-model-training");
      thread.setDaemon(true);
      thread.start();
    });
  }

  private static Trained train(DenialProperties properties, DenialRepository denials) {
    long started = System.nanoTime();
    List<DenialVocabulary.LabelledDenial> set = new ArrayList<>(
        DenialVocabulary.generate(properties.trainingSeed(), properties.trainingSize()));
    List<DenialVocabulary.LabelledDenial> corrections = denials.labelledExamples();
    set.addAll(corrections);
    RootCauseClassifier classifier = RootCauseClassifier.train(set, properties.trainingSeed(),
        "root-cause-lr-s" + properties.trainingSeed() + "-n" + properties.trainingSize() + "+" + corrections.size());
    RecoveryModel recovery = RecoveryModel.train(
        RecoveryHistory.generate(properties.trainingSeed() + 1, properties.trainingSize()), properties.trainingSeed(),
        "recovery-lr-s" + properties.trainingSeed() + "-n" + properties.trainingSize());
    log.info("Denial models trained in {} ms: {} ({} analyst corrections), {}", (System.nanoTime() - started) / 1_000_000,
        classifier.version(), corrections.size(), recovery.version());
    return new Trained(classifier, recovery);
  }

  public RootCauseClassifier classifier() {
    return trained.join().classifier();
  }

  public RecoveryModel recovery() {
    return trained.join().recovery();
  }
}
