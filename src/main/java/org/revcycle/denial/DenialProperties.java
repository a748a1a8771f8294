package org.revcycle.denial;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * revcycle.denials.*: how sure the classifier must be before a denial skips triage, how its
 * models are trained at start-up, and each payer's appeal window.
 *
 * @param confidenceThreshold below this probability a model's root cause goes to a person (Triage denial)
 * @param trainingSeed seed of the generated labelled set and of SGD: the same seed, the same models
 * @param trainingSize how many generated denials (and as many history cases) the models train on
 * @param appealWindowDays days from the denial to the payer's appeal deadline, by payer id ("default" for the rest)
 */
@ConfigurationProperties("revcycle.denials")
public record DenialProperties(double confidenceThreshold, long trainingSeed, int trainingSize,
    Map<String, Integer> appealWindowDays) {

  public DenialProperties {
    confidenceThreshold = confidenceThreshold <= 0 ? 0.6 : confidenceThreshold;
    trainingSeed = trainingSeed == 0 ? 20261127L : trainingSeed;
    trainingSize = trainingSize <= 0 ? 4000 : trainingSize;
    appealWindowDays = appealWindowDays == null || appealWindowDays.isEmpty()
        ? Map.of("MCR", 120, "MCD", 90, "MCO", 60, "default", 180) : Map.copyOf(appealWindowDays);
  }

  public int appealWindowDays(String payerId) {
    return appealWindowDays.getOrDefault(payerId == null ? "default" : payerId,
        appealWindowDays.getOrDefault("default", 90));
  }
}
