package org.revcycle.denial;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The second layer of denial classification: a multinomial logistic regression (Tribuo, trained
 * by SGD with a fixed seed) over the codes and the words of the payer's remark, for what
 * decisions/denial-root-cause.dmn does not cover. Linear, so the features that weighed most for a
 * prediction are the largest weight × value terms of the predicted root cause: shown on the task.
 */
public final class RootCauseClassifier {

  /** A root cause with the model's probability for it and the features that pushed it there. */
  public record Prediction(RootCause rootCause, double confidence, List<String> topFeatures, String modelVersion) {}

  private static final LabelFactory LABELS = new LabelFactory();

  private final LinearSGDModel model;
  /** The weights, copied once: Tribuo hands out a copy on every call. */
  private final DenseMatrix weights;
  private final String version;

  private RootCauseClassifier(LinearSGDModel model, String version) {
    this.model = model;
    this.weights = model.getWeightsCopy();
    this.version = version;
  }

  /** Trains on the labelled set; the same set and seed give the same model. */
  public static RootCauseClassifier train(List<DenialVocabulary.LabelledDenial> set, long seed, String version) {
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("denial-root-cause", LABELS), LABELS);
    for (DenialVocabulary.LabelledDenial labelled : set) {
      data.add(example(labelled.facts(), new Label(labelled.rootCause().name())));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, -1, seed);
    return new RootCauseClassifier(trainer.train(data), version);
  }

  static Example<Label> example(DenialFacts facts, Label label) {
    Map<String, Double> features = facts.features();
    String[] names = features.keySet().toArray(String[]::new);
    double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new ArrayExample<>(label, names, values);
  }

  public String version() {
    return version;
  }

  public Prediction predict(DenialFacts facts) {
    Example<Label> example = example(facts, LabelFactory.UNKNOWN_LABEL);
    org.tribuo.Prediction<Label> prediction = model.predict(example);
    Label best = prediction.getOutput();
    return new Prediction(RootCause.valueOf(best.getLabel()), best.getScore(), topFeatures(example, best), version);
  }

  /** The features of this example with the largest positive weight for the predicted label, largest first. */
  private List<String> topFeatures(Example<Label> example, Label label) {
    int row = model.getOutputIDInfo().getID(label);
    List<Map.Entry<String, Double>> contributions = new ArrayList<>();
    example.forEach(feature -> {
      int column = model.getFeatureIDMap().getID(feature.getName());
      if (column >= 0) {
        contributions.add(Map.entry(feature.getName(), weights.get(row, column) * feature.getValue()));
      }
    });
    return contributions.stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(5).map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%+.2f", e.getValue())).toList();
  }

  /** Every root cause's probability, for the benchmark's precision and recall (Tribuo's own evaluation). */
  org.tribuo.Prediction<Label> tribuoPrediction(DenialFacts facts) {
    return model.predict(example(facts, LabelFactory.UNKNOWN_LABEL));
  }

  LinearSGDModel model() {
    return model;
  }

  static Label label(RootCause cause) {
    return new Label(cause.name());
  }

}
