package org.revcycle.denial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * P(recovery) of a denial: a logistic regression (Tribuo) on the payer, the root cause, the
 * amount, the denial's age and how past appeals to the payer went. Expected recovery (probability
 * × amount) orders the queues.
 */
public final class RecoveryModel {

  static final Label RECOVERED = new Label("RECOVERED");
  static final Label NOT_RECOVERED = new Label("NOT_RECOVERED");
  private static final LabelFactory LABELS = new LabelFactory();

  private final LinearSGDModel model;
  private final String version;

  private RecoveryModel(LinearSGDModel model, String version) {
    this.model = model;
    this.version = version;
  }

  public static RecoveryModel train(List<RecoveryHistory.Outcome> history, long seed, String version) {
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("denial-recovery", LABELS), LABELS);
    for (RecoveryHistory.Outcome outcome : history) {
      data.add(example(outcome.denial(), outcome.recovered() ? RECOVERED : NOT_RECOVERED));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.3, 0.1), 5, -1, seed);
    return new RecoveryModel(trainer.train(data), version);
  }

  static Example<Label> example(RecoveryHistory.Case denial, Label label) {
    Map<String, Double> f = new LinkedHashMap<>();
    f.put("payer=" + denial.payerId(), 1.0);
    f.put("cause=" + denial.rootCause().name(), 1.0);
    f.put("payer-cause=" + denial.payerId() + "-" + denial.rootCause().name(), 1.0);
    // scaled to about 0..1 so SGD treats them like the indicators
    f.put("log-amount", Math.log10(Math.max(1, denial.amount().doubleValue())) / 5);
    f.put("age", Math.min(denial.ageDays(), 365) / 120.0);
    f.put("prior-appeals", Math.min(denial.priorAppeals(), 10) / 5.0);
    f.put("prior-win-rate", denial.priorWinRate());
    return new ArrayExample<>(label, f.keySet().toArray(String[]::new),
        f.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  public String version() {
    return version;
  }

  /** The probability that the denied money comes back. */
  public double probability(RecoveryHistory.Case denial) {
    return prediction(denial).getOutputScores().get(RECOVERED.getLabel()).getScore();
  }

  org.tribuo.Prediction<Label> prediction(RecoveryHistory.Case denial) {
    return model.predict(example(denial, LabelFactory.UNKNOWN_LABEL));
  }

  LinearSGDModel model() {
    return model;
  }
}
