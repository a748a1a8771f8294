package org.revcycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.revcycle.coding.edits.ClaimFacts;
import org.revcycle.coding.edits.EditClaims;
import org.revcycle.coding.edits.EditResult;
import org.revcycle.coding.edits.PayerEditEngine;
import org.revcycle.coding.edits.ReferenceData;
import org.revcycle.coding.edits.ReferenceEdits;
import org.revcycle.platform.engine.PolicyDecisions;
import org.revcycle.platform.engine.StandaloneDecisions;

/**
 * Payer edits per second on one thread, for claims of 1 to 20 lines: printed, not asserted against
 * a clock. Each claim is a clean professional claim (every line on one date of service, so every
 * pair of lines is looked up in the NCCI table) checked by the whole engine: the payer-edits DRD
 * once per claim, then the reference-data edits of every family it turns on (NCCI PTP, MUE,
 * add-on, modifiers, diagnosis support, prior authorization, age/sex) against the sample tables.
 *
 * <p>Printed per claim size: claims/s and lines/s of the whole engine, and the time per claim of its
 * two parts (the DRD alone, the reference edits alone), so it shows which one limits the rate. Two
 * ways to evaluate the DRD are measured: a DMN engine holding the parsed decisions (what a
 * high-volume scrubber would use) and the process engine's DecisionService, which looks up the
 * latest deployed version in its database for every claim, as the application does so that a new
 * deployment applies at once.
 *
 * <p>Not part of `mvn verify`: run with `mvn -B verify -Pedits-benchmark` (README, "Benchmarks").
 */
class PayerEditsBenchmark {

  private static final double SECONDS = Double.parseDouble(System.getProperty("benchmark.edits.seconds", "1.0"));
  private static final int MAX_LINES = Integer.getInteger("benchmark.edits.maxLines", 20);
  private static final double WARM_UP = Double.parseDouble(System.getProperty("benchmark.edits.warmUp", "8"));

  /** Twenty services that one office may bill the same day with no edit between them. */
  private static final String[][] SERVICES = {
    {"99214"}, {"80053"}, {"83036"}, {"36415"}, {"80061"}, {"85025"}, {"93000"}, {"81003"}, {"71046"},
    {"72100"}, {"73610", "RT"}, {"20610", "LT"}, {"J3301"}, {"97110", "GP"}, {"97140", "GP"}, {"83880"},
    {"96372"}, {"87086"}, {"84484"}, {"74177"},
  };

  static ClaimFacts claim(int lines, int variant) {
    List<ClaimFacts.Line> list = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      String[] s = SERVICES[(i + variant) % SERVICES.length];
      List<String> modifiers = s.length > 1 ? List.of(s[1]) : List.of();
      if (s[0].equals("99214") && lines > 1) {
        modifiers = List.of("25");
      }
      list.add(new ClaimFacts.Line(i + 1, s[0], modifiers, null, BigDecimal.ONE, new BigDecimal("120.00"),
          EditClaims.DOS));
    }
    BigDecimal total = new BigDecimal("120.00").multiply(BigDecimal.valueOf(lines));
    return new ClaimFacts("PROFESSIONAL", "CMA", "COMMERCIAL", 180, "C07", "CLINIC", "Family Medicine", false,
        EditClaims.DOS, EditClaims.DOS.plusDays(4), 52, "F", false, total,
        List.of("E11.9", "I10", "M17.11", "M54.50"), list);
  }

  private interface Work {
    int run(int i);
  }

  /**
   * Calls per second of the work: the best of five rounds of SECONDS/5 each, after a short warm-up.
   * The best round, not the mean: on a shared machine the other rounds measure the neighbours too.
   */
  private static double rate(Work work) {
    long warm = System.nanoTime() + (long) (SECONDS * 0.2e9);
    int i = 0;
    int sink = 0;
    while (System.nanoTime() < warm) {
      sink += work.run(i++);
    }
    double best = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      long end = start + (long) (SECONDS / ROUNDS * 1e9);
      long calls = 0;
      while (System.nanoTime() < end) {
        for (int k = 0; k < 16; k++) {
          sink += work.run(i++);
        }
        calls += 16;
      }
      best = Math.max(best, calls / ((System.nanoTime() - start) / 1e9));
    }
    if (sink == 42) {
      System.out.print("");
    }
    return best;
  }

  private static final int ROUNDS = 5;

  @Test
  void payerEditsPerSecond() {
    ReferenceData data = EditClaims.sampleData();
    StandaloneDecisions decisions = new StandaloneDecisions(List.of("decisions/payer-edits.dmn"));
    PayerEditEngine engine = new PayerEditEngine(decisions, () -> data);

    ProcessEngine processEngine = processEngine();
    PayerEditEngine engineWithDeployments =
        new PayerEditEngine(new PolicyDecisions(processEngine.getDecisionService()), () -> data);

    Set<String> families = Set.of(ReferenceEdits.NCCI_PTP, ReferenceEdits.MUE, ReferenceEdits.ADD_ON,
        ReferenceEdits.MODIFIER, ReferenceEdits.DIAGNOSIS_SUPPORT, ReferenceEdits.PRIOR_AUTH, ReferenceEdits.AGE_SEX);

    // Warm-up over every claim size first, so that the JIT has compiled the engine before the
    // first (smallest) size is measured.
    long warmEnd = System.nanoTime() + (long) (WARM_UP * 1e9);
    for (int k = 0; System.nanoTime() < warmEnd; k++) {
      ClaimFacts c = claim(1 + k % MAX_LINES, k);
      engine.evaluate(c);
      engineWithDeployments.evaluate(c);
      ReferenceEdits.check(c, families, data);
    }

    System.out.printf(Locale.ROOT, "%nPayer edits on one thread (%s), %.1f s per measurement, sample reference data%n",
        Runtime.version(), SECONDS);
    System.out.printf(Locale.ROOT, "%5s | %12s %12s | %12s %12s | %10s %10s %8s%n", "lines", "claims/s", "lines/s",
        "claims/s", "lines/s", "DRD us", "tables us", "DRD share");
    System.out.printf(Locale.ROOT, "%5s | %25s | %25s | %30s%n", "", "engine (parsed DMN)",
        "engine (DecisionService)", "per claim, parsed DMN");
    double totalLines = 0;
    double totalSeconds = 0;
    for (int n = 1; n <= MAX_LINES; n++) {
      ClaimFacts[] claims = new ClaimFacts[SERVICES.length];
      for (int v = 0; v < claims.length; v++) {
        claims[v] = claim(n, v);
        List<EditResult> edits = engine.evaluate(claims[v]).edits();
        assertThat(edits).as("the benchmark's claims are clean: %s", edits).isEmpty();
      }
      Map<String, Object> inputs = claims[0].decisionInputs();
      double whole = rate(i -> engine.evaluate(claims[i % claims.length]).edits().size());
      double deployed = rate(i -> engineWithDeployments.evaluate(claims[i % claims.length]).edits().size());
      double drd = rate(i -> decisions.evaluate(PayerEditEngine.PAYER_EDITS, inputs).matchedRules().size());
      double tables = rate(i -> ReferenceEdits.check(claims[i % claims.length], families, data).size());
      double drdMicros = 1e6 / drd;
      double tableMicros = 1e6 / tables;
      System.out.printf(Locale.ROOT, "%5d | %12.0f %12.0f | %12.0f %12.0f | %10.1f %10.1f %7.0f%%%n", n, whole,
          whole * n, deployed, deployed * n, drdMicros, tableMicros, 100 * drdMicros / (drdMicros + tableMicros));
      totalLines += n;
      totalSeconds += 1 / whole;
    }
    System.out.printf(Locale.ROOT, "%nOne claim of each size, 1 to %d lines: %.0f lines/s with the parsed DMN "
        + "(aim: 20,000 lines/s); load average %.1f on %d cores while measuring%n%n", MAX_LINES, totalLines / totalSeconds,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    processEngine.close();
  }

  /** An in-memory process engine with the DMN deployed, evaluated the way the application does. */
  private static ProcessEngine processEngine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:edits-benchmark;DB_CLOSE_DELAY=1000");
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("none");
    configuration.setEnforceHistoryTimeToLive(false);
    PolicyDecisions.register(configuration);
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addClasspathResource("decisions/payer-edits.dmn").deploy();
    return engine;
  }

  static LocalDate today() {
    return EditClaims.DOS.plusDays(4);
  }
}
