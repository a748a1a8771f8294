package org.revcycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.revcycle.encounter.ClosedEncounter;
import org.revcycle.encounter.EncounterInbox;
import org.revcycle.sandbox.SandboxNetwork;
import org.revcycle.sandbox.SyntheticEncounters;
import org.revcycle.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Pushes N synthetic encounters through the whole lifecycle on PostgreSQL with the sandbox at zero
 * delay, then N instances of a baseline with the same steps and no-op delegates, and prints the
 * figures. "Posted" is the end of the lifecycle: posted, closed, and the journal in the ERP. Not part of `mvn verify`: run with `mvn -B verify -Pbenchmark` (see the README).
 */
@ActiveProfiles({"postgres", "it"})
@TestPropertySource(properties = {
  "revcycle.sandbox.registration-defect-rate=0",
  "revcycle.sandbox.coding-defect-rate=0",
  "revcycle.sandbox.denial-rate=0",
  "revcycle.sandbox.front-end-rejection-rate=0",
  // 837 batches every second (the default run: 5 s; the integration tests: 0.2 s). The clearinghouse
  // mailbox is taken in by one poller, file by file, and each batch comes back as three files
  // (999, 277CA, 835): batches of one or two claims every 0.2 s made that poller the bottleneck.
  "revcycle.clearinghouse.batch.interval=${benchmark.batch-interval:PT1S}",
  "logging.level.org.camunda.bpm.engine.context=off"
})
class EncounterToCashBenchmark extends PostgresIntegrationTest {

  private static final int CLAIMS = Integer.getInteger("benchmark.claims", 2000);
  private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  /** Offered load in claims per second for the latency run; 0 skips it. */
  private static final int RATE = Integer.getInteger("benchmark.rate", 10);

  @Autowired EncounterInbox inbox;
  @Autowired SandboxNetwork network;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;

  /** When the last baseline instance closed (the engine's history may be off). */
  static final AtomicLong BASELINE_LAST_CLOSE = new AtomicLong();
  static final AtomicInteger BASELINE_CLOSED = new AtomicInteger();
  /** When the last baseline instance passed its posting step. */
  static final AtomicLong BASELINE_LAST_POSTED = new AtomicLong();

  @TestConfiguration
  static class NoOpDelegates {
    @Bean
    JavaDelegate noop() {
      return execution -> { };
    }

    @Bean
    JavaDelegate baselinePosted() {
      return execution -> BASELINE_LAST_POSTED.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    @Bean
    JavaDelegate baselineClose() {
      return execution -> {
        BASELINE_LAST_CLOSE.accumulateAndGet(System.currentTimeMillis(), Math::max);
        BASELINE_CLOSED.incrementAndGet();
      };
    }
  }

  @Test
  void encounterToCashAgainstItsBaseline() throws Exception {
    // warm-up: JIT, connection pool, caches
    runLifecycle(100, 2, 0);
    DatabaseCounters before = DatabaseCounters.reset(jdbc);
    CpuTimes cpuBefore = CpuTimes.now();
    Lifecycle lifecycle = runLifecycle(CLAIMS, 1000, 0);
    String cpuPerClaim = CpuTimes.now().perUnitSince(cpuBefore, lifecycle.finished.count);
    String perClaim = before.perClaimSince(jdbc, lifecycle.finished.count);
    Lifecycle paced = RATE > 0 ? runLifecycle(Math.min(CLAIMS, RATE * 30), 2000, RATE) : null;
    CpuTimes baselineBefore = CpuTimes.now();
    Lifecycle baseline = runBaseline(CLAIMS);
    String cpuPerInstance = CpuTimes.now().perUnitSince(baselineBefore, CLAIMS);

    System.out.printf(Locale.ROOT, """

        ==== encounter-to-cash benchmark (PostgreSQL, sandbox at zero delay) ====
        claims                      %d (intake threads %d)
        lifecycle: claims/s to posted   %.1f   p50 %d ms   p95 %d ms   p99 %d ms   (wall %.1f s)
        lifecycle: claims/s to finished %.1f   p50 %d ms   p95 %d ms   p99 %d ms   (wall %.1f s)
        baseline (same steps, no-op): instances/s %.1f to posted, %.1f to finished   (wall %.1f s)
        ratio lifecycle / baseline  %.2f to posted, %.2f to finished
        CPU per claim (finished)    %s
        CPU per baseline instance   %s
        %s
        %s
        =========================================================================
        %n""", CLAIMS, THREADS,
        lifecycle.posted.perSecond(), lifecycle.posted.p(50), lifecycle.posted.p(95), lifecycle.posted.p(99),
        lifecycle.posted.wallSeconds,
        lifecycle.finished.perSecond(), lifecycle.finished.p(50), lifecycle.finished.p(95), lifecycle.finished.p(99),
        lifecycle.finished.wallSeconds, baseline.posted.perSecond(), baseline.finished.perSecond(),
        baseline.finished.wallSeconds, lifecycle.posted.perSecond() / baseline.posted.perSecond(),
        lifecycle.finished.perSecond() / baseline.finished.perSecond(), cpuPerClaim, cpuPerInstance,
        paced == null ? "" : String.format(Locale.ROOT,
            "at an offered %d claims/s (%d claims): intake to posted p50 %d ms   p95 %d ms   p99 %d ms;"
                + " to finished p50 %d ms   p95 %d ms   p99 %d ms",
            RATE, paced.finished.count, paced.posted.p(50), paced.posted.p(95), paced.posted.p(99),
            paced.finished.p(50), paced.finished.p(95), paced.finished.p(99)),
        perClaim);
    assertThat(lifecycle.finished.latenciesMillis).isNotEmpty().hasSizeLessThanOrEqualTo(CLAIMS);
  }

  /**
   * A lifecycle run measured twice: to posted (the payer's remittance posted to the ledger, as the
   * issue's aim is put) and to finished (also closed, the statement issued, the journal exported).
   */
  private record Lifecycle(Result posted, Result finished) {}

  /** All claims at once (rate 0: throughput), or paced at a rate (latency under that load). */
  private Lifecycle runLifecycle(int claims, long seed, int rate) throws Exception {
    SyntheticEncounters generator = new SyntheticEncounters(network, seed * 7919, Clock.systemUTC(), 0, 0);
    List<ClosedEncounter> encounters = generator.next(claims);
    List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
    Instant start = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long startNanos = System.nanoTime();
    for (int i = 0; i < encounters.size(); i++) {
      ClosedEncounter e = encounters.get(i);
      if (rate > 0) {
        long due = startNanos + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      pool.submit(() -> ids.add(inbox.receive("benchmark", e).claimId()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    awaitSettled(ids);
    List<Long> toPosted = new ArrayList<>();
    List<Long> toFinished = new ArrayList<>();
    Instant lastPosted = start;
    Instant lastClose = start;
    int parked = 0;
    for (UUID id : ids) {
      List<Instant> times = jdbc.sql("""
          select min(case when stage = 'INTAKE' then at end), max(case when stage = 'POSTING' then at end),
                 max(case when stage in ('CLOSE', 'ERP') then at end)
          from claim_event where claim_id = ?""").param(id)
          .query((rs, n) -> java.util.Arrays.asList(rs.getTimestamp(1).toInstant(),
              rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
              rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).single();
      if (times.get(1) == null || times.get(2) == null) {
        parked++; // waiting for a person (e.g. inactive coverage on the 271): not part of the straight-through figure
        continue;
      }
      toPosted.add(Duration.between(times.get(0), times.get(1)).toMillis());
      toFinished.add(Duration.between(times.get(0), times.get(2)).toMillis());
      if (times.get(1).isAfter(lastPosted)) {
        lastPosted = times.get(1);
      }
      if (times.get(2).isAfter(lastClose)) {
        lastClose = times.get(2);
      }
    }
    if (parked > 0) {
      System.out.printf(Locale.ROOT, "%d of %d claims stopped at an exception task and are left out of the figures%n",
          parked, ids.size());
    }
    return new Lifecycle(new Result(toPosted, Duration.between(start, lastPosted).toMillis() / 1000.0),
        new Result(toFinished, Duration.between(start, lastClose).toMillis() / 1000.0));
  }

  /**
   * Every claim's process has ended (posted, closed and its journal in the ERP) or waits for a
   * person: the sandbox's real-time eligibility and reference-data edits stop a few claims at an
   * exception task, as they would in a billing office.
   */
  private void awaitSettled(List<UUID> ids) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
    while (System.nanoTime() < deadline) {
      // one query, not one per waiting task: the benchmark's own polling was a tenth of the statements
      long moving = jdbc.sql("""
          select count(*) from act_ru_execution pi join act_re_procdef d on d.id_ = pi.proc_def_id_
          where pi.id_ = pi.proc_inst_id_ and pi.parent_id_ is null and d.key_ = 'encounter-to-cash'
            and not exists (select 1 from act_ru_task t join act_ru_execution tp on tp.id_ = t.proc_inst_id_
                            where tp.root_proc_inst_id_ = pi.id_)""").query(Long.class).single();
      if (moving == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("claims did not settle in time");
  }

  /**
   * The same shape: six stages as call activities (registration, submission, posting and the
   * statement asynchronous, charge review and adjudication not), close, then the asynchronous ERP
   * export; no-op delegates.
   */
  private Lifecycle runBaseline(int instances) throws Exception {
    BpmnModelInstance main = Bpmn.createExecutableProcess("baseline-main").camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("b1").calledElement("baseline-async").camundaIn("claimId", "claimId")
        .callActivity("b2").calledElement("baseline-sync")
        .callActivity("b3").calledElement("baseline-async")
        .callActivity("b4").calledElement("baseline-sync")
        .callActivity("b5").calledElement("baseline-posting")
        .callActivity("b6").calledElement("baseline-async")
        .serviceTask("close").camundaDelegateExpression("${noop}")
        .serviceTask("export").camundaAsyncBefore().camundaDelegateExpression("${baselineClose}")
        .endEvent().done();
    BpmnModelInstance async = Bpmn.createExecutableProcess("baseline-async").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaAsyncBefore().camundaDelegateExpression("${noop}").endEvent().done();
    BpmnModelInstance posting = Bpmn.createExecutableProcess("baseline-posting").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaAsyncBefore().camundaDelegateExpression("${baselinePosted}").endEvent().done();
    BpmnModelInstance sync = Bpmn.createExecutableProcess("baseline-sync").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask().camundaDelegateExpression("${noop}").endEvent().done();
    repositoryService.createDeployment().name("benchmark-baseline")
        .addModelInstance("baseline-main.bpmn", main).addModelInstance("baseline-async.bpmn", async)
        .addModelInstance("baseline-sync.bpmn", sync).addModelInstance("baseline-posting.bpmn", posting)
        .deploy();

    BASELINE_CLOSED.set(0);
    Instant start = Instant.now();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger started = new AtomicInteger();
    for (int i = 0; i < instances; i++) {
      pool.submit(() -> {
        runtimeService.startProcessInstanceByKey("baseline-main", "B" + started.incrementAndGet());
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
    while (BASELINE_CLOSED.get() < instances) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("baseline did not finish in time");
      }
      Thread.sleep(50);
    }
    Instant posted = Instant.ofEpochMilli(BASELINE_LAST_POSTED.get());
    Instant last = Instant.ofEpochMilli(BASELINE_LAST_CLOSE.get());
    return new Lifecycle(new Result(List.of(), Duration.between(start, posted).toMillis() / 1000.0, instances),
        new Result(List.of(), Duration.between(start, last).toMillis() / 1000.0, instances));
  }

  /**
   * What the database did during a run: commits, and with pg_stat_statements loaded (the benchmark
   * profile loads it) statements and jobs, so that the figures can be divided by the claims.
   */
  private record DatabaseCounters(long commits, boolean statements) {

    static long commits(JdbcClient jdbc) {
      return jdbc.sql("select xact_commit from pg_stat_database where datname = current_database()")
          .query(Long.class).single();
    }

    /** Empties pg_stat_statements (when loaded) and notes the commits so far. */
    static DatabaseCounters reset(JdbcClient jdbc) {
      boolean statements;
      try {
        jdbc.sql("create extension if not exists pg_stat_statements").update();
        jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
        statements = true;
      } catch (RuntimeException notLoaded) {
        statements = false;
      }
      jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
      return new DatabaseCounters(commits(jdbc), statements);
    }

    String perClaimSince(JdbcClient jdbc, int claims) {
      jdbc.sql("select pg_stat_clear_snapshot()").query().singleRow();
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
          "per claim (whole system, incl. batches, files and the benchmark's own queries): transactions %.1f",
          (commits(jdbc) - commits) / (double) claims));
      if (statements) {
        var rows = jdbc.sql("""
            select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) q
            from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
            order by total_exec_time desc""").query().listOfRows();
        long calls = rows.stream().mapToLong(r -> ((Number) r.get("calls")).longValue()).sum();
        double millis = rows.stream().mapToDouble(r -> ((Number) r.get("total_exec_time")).doubleValue()).sum();
        long jobs = rows.stream().filter(r -> ((String) r.get("q")).toLowerCase(Locale.ROOT)
                .startsWith("delete from act_ru_job"))
            .mapToLong(r -> ((Number) r.get("rows")).longValue()).sum();
        out.append(String.format(Locale.ROOT, ", statements %.1f, jobs completed %.1f, server time %.1f ms%n",
            calls / (double) claims, jobs / (double) claims, millis / claims));
        out.append("top statements by server time (calls per claim, ms per claim):\n");
        rows.stream().limit(25).forEach(r -> out.append(String.format(Locale.ROOT, "  %6.2f %7.3f  %s%n",
            ((Number) r.get("calls")).longValue() / (double) claims,
            ((Number) r.get("total_exec_time")).doubleValue() / claims, r.get("q"))));
        writeAllStatements(jdbc, claims);
      }
      // a table read whole again and again is a missing index or a plan gone wrong
      out.append("tables by rows read in sequential scans (since the server started):\n");
      jdbc.sql("""
              select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) idx_scan, n_live_tup
              from pg_stat_user_tables order by seq_tup_read desc limit 8""").query().listOfRows()
          .forEach(r -> out.append(String.format(Locale.ROOT, "  %-28s seq scans %8d  rows read %11d  index scans %9d  live rows %8d%n",
              r.get("relname"), r.get("seq_scan"), r.get("seq_tup_read"), r.get("idx_scan"), r.get("n_live_tup"))));
      return out.toString();
    }
  }

  /**
   * CPU time used by this JVM (the application, the sandbox and the benchmark's intake) and by the
   * embedded PostgreSQL's processes (from /proc: every process named postgres, with the time of
   * its ended children; Linux only, and it assumes no other PostgreSQL runs on the machine).
   * Steadier than the rates when the machine is saturated: what a claim costs, not how fast the
   * scheduler happened to run it.
   */
  private record CpuTimes(long javaNanos, long postgresTicks) {

    /** USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux. */
    private static final double MILLIS_PER_TICK = 10.0;

    static CpuTimes now() {
      long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getProcessCpuTime();
      java.nio.file.Path proc = java.nio.file.Path.of("/proc");
      if (!java.nio.file.Files.isDirectory(proc)) {
        return new CpuTimes(jvm, -1);
      }
      long ticks = 0;
      try (var entries = java.nio.file.Files.list(proc)) {
        for (java.nio.file.Path dir : entries.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
          String stat;
          try {
            stat = java.nio.file.Files.readString(dir.resolve("stat"));
          } catch (java.io.IOException ended) {
            continue;
          }
          int close = stat.lastIndexOf(')');
          if (!"postgres".equals(stat.substring(stat.indexOf('(') + 1, close))) {
            continue;
          }
          // after the name: state, ppid, ... utime (14th field), stime, cutime, cstime
          String[] fields = stat.substring(close + 2).split(" ");
          for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(fields[i]);
          }
        }
      } catch (java.io.IOException e) {
        return new CpuTimes(jvm, -1);
      }
      return new CpuTimes(jvm, ticks);
    }

    String perUnitSince(CpuTimes before, int units) {
      double jvm = (javaNanos - before.javaNanos) / 1e6 / units;
      if (postgresTicks < 0 || before.postgresTicks < 0) {
        return String.format(Locale.ROOT, "Java %.0f ms (PostgreSQL: no /proc here)", jvm);
      }
      double postgres = (postgresTicks - before.postgresTicks) * MILLIS_PER_TICK / units;
      return String.format(Locale.ROOT, "Java %.0f ms + PostgreSQL %.0f ms = %.0f ms", jvm, postgres, jvm + postgres);
    }
  }

  /** Every statement of the run with its whole text, for a closer look: target/benchmark-statements.txt. */
  private static void writeAllStatements(JdbcClient jdbc, int claims) {
    StringBuilder all = new StringBuilder("calls/claim\tms/claim\tms/call\trows/call\tquery\n");
    jdbc.sql("""
            select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') q
            from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
            order by total_exec_time desc""").query().listOfRows()
        .forEach(r -> {
          long calls = ((Number) r.get("calls")).longValue();
          double millis = ((Number) r.get("total_exec_time")).doubleValue();
          all.append(String.format(Locale.ROOT, "%.2f\t%.3f\t%.3f\t%.1f\t%s%n", calls / (double) claims,
              millis / claims, millis / Math.max(1, calls), ((Number) r.get("rows")).longValue() / (double) Math.max(1, calls),
              r.get("q")));
        });
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-statements.txt"), all);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final class Result {
    final List<Long> latenciesMillis;
    final double wallSeconds;
    final int count;

    Result(List<Long> latencies, double wallSeconds) {
      this(latencies, wallSeconds, latencies.size());
    }

    Result(List<Long> latencies, double wallSeconds, int count) {
      this.latenciesMillis = new ArrayList<>(latencies);
      Collections.sort(this.latenciesMillis);
      this.wallSeconds = wallSeconds;
      this.count = count;
    }

    double perSecond() {
      return count / wallSeconds;
    }

    long p(int percentile) {
      int index = (int) Math.ceil(percentile / 100.0 * latenciesMillis.size()) - 1;
      return latenciesMillis.get(Math.max(0, index));
    }
  }
}
