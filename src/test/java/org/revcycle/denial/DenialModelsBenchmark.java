package org.revcycle.denial;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.revcycle.platform.engine.PolicyDecisions;
import org.revcycle.platform.engine.StandaloneDecisions;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The denial models on held-out labelled sets, printed, not asserted: the root-cause classifier
 * against the root-cause table alone (decisions/denial-root-cause.dmn, what it does not cover counts
 * as wrong), the two layers as the application uses them (table first, then the model), the share
 * the confidence threshold sends to triage, and the recovery model's AUC.
 *
 * <p>Training and held-out sets come from the same generators with different seeds (DenialVocabulary,
 * RecoveryHistory; README, "Denial classifier"). Not part of `mvn verify`: run with
 * `mvn -B verify -Pdenials-benchmark`.
 */
class DenialModelsBenchmark {

  private static final long SEED = Long.getLong("benchmark.denials.seed", 20261127L);
  private static final int TRAIN = Integer.getInteger("benchmark.denials.train", 4000);
  private static final int HELD_OUT = Integer.getInteger("benchmark.denials.heldOut", 2000);
  private static final double THRESHOLD = 0.6;
  private static final String NONE = "UNCLASSIFIED";

  @Test
  void printFigures() {
    List<DenialVocabulary.LabelledDenial> train = DenialVocabulary.generate(SEED, TRAIN);
    List<DenialVocabulary.LabelledDenial> test = DenialVocabulary.generate(SEED + 7, HELD_OUT);
    long started = System.nanoTime();
    RootCauseClassifier classifier = RootCauseClassifier.train(train, SEED, "benchmark");
    long trainMs = (System.nanoTime() - started) / 1_000_000;
    StandaloneDecisions table = new StandaloneDecisions(List.of("decisions/denial-root-cause.dmn"));

    List<String> truth = new ArrayList<>();
    List<String> tableOnly = new ArrayList<>();
    List<String> modelOnly = new ArrayList<>();
    List<String> twoLayers = new ArrayList<>();
    int byTable = 0;
    int toTriage = 0;
    int autoRight = 0;
    int auto = 0;
    long predictNanos = 0;
    for (DenialVocabulary.LabelledDenial d : test) {
      truth.add(d.rootCause().name());
      String fromTable = table(table, d.facts());
      tableOnly.add(fromTable);
      long t0 = System.nanoTime();
      RootCauseClassifier.Prediction p = classifier.predict(d.facts());
      predictNanos += System.nanoTime() - t0;
      modelOnly.add(p.rootCause().name());
      String combined = fromTable.equals(NONE) ? p.rootCause().name() : fromTable;
      twoLayers.add(combined);
      if (!fromTable.equals(NONE)) {
        byTable++;
      }
      boolean triage = fromTable.equals(NONE) && p.confidence() < THRESHOLD;
      if (triage) {
        toTriage++;
      } else {
        auto++;
        autoRight += combined.equals(d.rootCause().name()) ? 1 : 0;
      }
    }
    System.out.printf(Locale.ROOT, "%n=== Denial root cause: %d training, %d held-out denials (seed %d) ===%n", TRAIN, HELD_OUT, SEED);
    System.out.printf(Locale.ROOT, "training %d ms; prediction %.1f us each%n", trainMs, predictNanos / 1000.0 / test.size());
    System.out.printf(Locale.ROOT, "root-cause table covers %.1f %% of the held-out denials%n", 100.0 * byTable / test.size());
    report("table only (uncovered = wrong)", truth, tableOnly);
    report("classifier only", truth, modelOnly);
    report("table, then classifier (as in the application)", truth, twoLayers);
    System.out.printf(Locale.ROOT, "threshold %.2f: %.1f %% to triage; accuracy of the rest %.3f%n", THRESHOLD,
        100.0 * toTriage / test.size(), (double) autoRight / auto);

    // Tribuo's own evaluation of the classifier (its per-class figures agree with the table above)
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> heldOut = new MutableDataset<>(new SimpleDataSourceProvenance("held-out", labels), labels);
    test.forEach(d -> heldOut.add(RootCauseClassifier.example(d.facts(), new Label(d.rootCause().name()))));
    LabelEvaluation evaluation = new LabelEvaluator().evaluate(classifier.model(), heldOut);
    System.out.printf(Locale.ROOT, "Tribuo: accuracy %.3f, macro F1 %.3f%n", evaluation.accuracy(), evaluation.macroAveragedF1());

    List<RecoveryHistory.Outcome> history = RecoveryHistory.generate(SEED + 1, TRAIN);
    List<RecoveryHistory.Outcome> later = RecoveryHistory.generate(SEED + 99, HELD_OUT);
    RecoveryModel recovery = RecoveryModel.train(history, SEED, "benchmark");
    MutableDataset<Label> outcomes = new MutableDataset<>(new SimpleDataSourceProvenance("held-out", labels), labels);
    later.forEach(o -> outcomes.add(RecoveryModel.example(o.denial(),
        o.recovered() ? RecoveryModel.RECOVERED : RecoveryModel.NOT_RECOVERED)));
    LabelEvaluation recoveryEvaluation = new LabelEvaluator().evaluate(recovery.model(), outcomes);
    long recovered = later.stream().filter(RecoveryHistory.Outcome::recovered).count();
    System.out.printf(Locale.ROOT, "%n=== Recovery probability: %d history, %d held-out denials (%.1f %% recovered) ===%n",
        TRAIN, HELD_OUT, 100.0 * recovered / later.size());
    System.out.printf(Locale.ROOT, "AUC %.3f; accuracy at 0.5 %.3f%n", recoveryEvaluation.AUCROC(RecoveryModel.RECOVERED),
        recoveryEvaluation.accuracy());
    // what ordering by expected recovery buys: dollars recovered in the first fifth of the queue
    List<double[]> queue = new ArrayList<>();
    for (RecoveryHistory.Outcome o : later) {
      double amount = o.denial().amount().doubleValue();
      queue.add(new double[] {recovery.probability(o.denial()) * amount, o.recovered() ? amount : 0, amount});
    }
    double all = queue.stream().mapToDouble(q -> q[1]).sum();
    queue.sort((a, b) -> Double.compare(b[0], a[0]));
    double firstFifth = queue.subList(0, queue.size() / 5).stream().mapToDouble(q -> q[1]).sum();
    List<double[]> byAmount = new ArrayList<>(queue);
    byAmount.sort((a, b) -> Double.compare(b[2], a[2]));
    double firstFifthByAmount = byAmount.subList(0, queue.size() / 5).stream().mapToDouble(q -> q[1]).sum();
    System.out.printf(Locale.ROOT, "first fifth of the queue holds %.1f %% of the recovered dollars by expected recovery, "
        + "%.1f %% by amount alone%n", 100 * firstFifth / all, 100 * firstFifthByAmount / all);
  }

  private static String table(StandaloneDecisions table, DenialFacts facts) {
    for (String reason : facts.reasonCodes()) {
      Map<String, Object> in = new HashMap<>();
      in.put("groupCode", facts.groupCode());
      in.put("reasonCode", reason);
      in.put("remarkCodes", facts.remarkCodes());
      PolicyDecisions.Outcome outcome = table.evaluate("denial-root-cause", in);
      if (!outcome.matchedRules().isEmpty()) {
        return (String) outcome.matchedRules().get(0).outputs().get("rootCause");
      }
    }
    return NONE;
  }

  private static void report(String title, List<String> truth, List<String> predicted) {
    int right = 0;
    Map<RootCause, int[]> counts = new EnumMap<>(RootCause.class); // true positives, predicted, actual
    for (RootCause c : RootCause.values()) {
      counts.put(c, new int[3]);
    }
    for (int i = 0; i < truth.size(); i++) {
      RootCause actual = RootCause.valueOf(truth.get(i));
      counts.get(actual)[2]++;
      if (!predicted.get(i).equals(NONE)) {
        counts.get(RootCause.valueOf(predicted.get(i)))[1]++;
      }
      if (truth.get(i).equals(predicted.get(i))) {
        right++;
        counts.get(actual)[0]++;
      }
    }
    System.out.printf(Locale.ROOT, "%n%s: accuracy %.3f%n", title, (double) right / truth.size());
    System.out.printf(Locale.ROOT, "  %-26s %9s %9s %7s%n", "root cause", "precision", "recall", "n");
    for (RootCause c : RootCause.values()) {
      int[] n = counts.get(c);
      System.out.printf(Locale.ROOT, "  %-26s %9s %9.3f %7d%n", c.name(),
          n[1] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) n[0] / n[1]), (double) n[0] / n[2], n[2]);
    }
  }
}
