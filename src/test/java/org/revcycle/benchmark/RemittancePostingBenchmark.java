package org.revcycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.revcycle.remittance.RemittanceFiles;
import org.revcycle.support.PostgresIntegrationTest;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.SequenceControlNumbers;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remittance posting rate on PostgreSQL: claims are seeded (patient, encounter, claim, charge on
 * the ledger), an 835 that pays every one of them is written with RemittanceAdviceWriter and
 * posted through the real path (RemittanceFiles.receive, then the remittance-posting process on the
 * job executor). Prints claims posted per second and peak heap per file size; asserts only that
 * every claim posted and the ledger balances, never a speed.
 *
 * <p>mvn -B verify -Pposting-benchmark [-Dbenchmark.posting.sizes=2500,10000]
 */
class RemittancePostingBenchmark extends PostgresIntegrationTest {

  private static final String[] SIZES = System.getProperty("benchmark.posting.sizes", "2500,10000").split(",");
  /** A first file, not reported, so the sizes compare warm code (JIT, connection pool, caches) with warm code. */
  private static final int WARM_UP = Integer.getInteger("benchmark.posting.warmup", 1000);

  @Autowired RemittanceFiles files;
  @Autowired SequenceControlNumbers controlNumbers;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  @Test
  void claimsPostedPerSecondAndPeakHeapAsTheFileGrows() throws Exception {
    List<String> results = new ArrayList<>();
    int run = 0;
    List<String> sizes = new ArrayList<>(List.of(SIZES));
    if (WARM_UP > 0) {
      sizes.add(0, "warm-up:" + WARM_UP);
    }
    for (String size : sizes) {
      boolean warmUp = size.startsWith("warm-up:");
      int claims = Integer.parseInt(size.replace("warm-up:", "").strip());
      String prefix = "BP" + (run++) + "X";
      seed(prefix, claims);
      byte[] file = file(prefix, claims);
      System.gc();
      HeapWatch heap = new HeapWatch();
      long started = System.nanoTime();
      RemittanceFiles.Taken taken = files.receive(file, "benchmark");
      String status = awaitPosted(taken.fileId());
      long postedNanos = System.nanoTime() - started;
      awaitProcessEnded(taken.fileId());
      long endedNanos = System.nanoTime() - started;
      heap.stop();

      assertThat(status).isEqualTo("POSTED");
      Map<String, Object> row = jdbc.sql("select matched, unmatched, posting_millis from remittance_file where id = ?")
          .param(taken.fileId()).query().singleRow();
      assertThat(((Number) row.get("matched")).intValue()).as("every claim matched").isEqualTo(claims);
      BigDecimal[] sums = jdbc.sql("""
              select sum(l.debit), sum(l.credit) from journal_line l join journal_entry e on e.id = l.entry_id
              where e.source_file_id = ?""").param(taken.fileId())
          .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
      assertThat(sums[0]).isEqualByComparingTo(sums[1]);

      if (warmUp) {
        continue;
      }
      results.add(String.format(Locale.ROOT,
          "%,7d claims, %,6.2f MB 835: posted in %,6.1f s = %,7.0f claims/s (process ended after %,6.1f s, app posting_millis %s); "
              + "peak heap used %,5d MB (sampled %,5d MB), peak heap after GC %,5d MB, heap max %,5d MB",
          claims, file.length / 1e6, postedNanos / 1e9, claims / (postedNanos / 1e9), endedNanos / 1e9,
          row.get("posting_millis"), heap.poolPeakMb(), heap.sampledPeakMb(), heap.afterGcPeakMb(),
          Runtime.getRuntime().maxMemory() >> 20));
    }
    System.out.println();
    System.out.println("Remittance posting benchmark (PostgreSQL, " + Runtime.getRuntime().availableProcessors() + " cores)");
    results.forEach(System.out::println);
    System.out.println();
  }

  private String awaitPosted(UUID fileId) throws InterruptedException {
    long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      String status = jdbc.sql("select status from remittance_file where id = ?").param(fileId).query(String.class).single();
      if ("POSTED".equals(status) || "REFUSED".equals(status)) {
        return status;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("file " + fileId + " did not post within 30 minutes");
  }

  private void awaitProcessEnded(UUID fileId) throws InterruptedException {
    long deadline = System.nanoTime() + 10L * 60 * 1_000_000_000L;
    while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileId.toString()).count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("posting process of " + fileId + " did not end within 10 minutes");
      }
      Thread.sleep(50);
    }
  }

  /** Patients, encounters, claims and their charge entries, in JDBC batches (the seeding is not what is measured). */
  private void seed(String prefix, int claims) {
    Timestamp now = Timestamp.from(Instant.now());
    LocalDate serviceDate = LocalDate.of(2026, 10, 15);
    for (int from = 0; from < claims; from += 1000) {
      List<Object[]> patients = new ArrayList<>();
      List<Object[]> encounters = new ArrayList<>();
      List<Object[]> claimRows = new ArrayList<>();
      List<Object[]> entries = new ArrayList<>();
      List<Object[]> lines = new ArrayList<>();
      List<Object[]> claimLines = new ArrayList<>();
      for (int i = from; i < Math.min(claims, from + 1000); i++) {
        UUID patient = UUID.randomUUID();
        UUID encounter = UUID.randomUUID();
        UUID claim = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        String pcn = prefix + i;
        patients.add(new Object[] {patient, "MRN-" + patient});
        encounters.add(new Object[] {encounter, "ENC-" + encounter, patient, serviceDate, now});
        claimRows.add(new Object[] {claim, pcn, encounter, "M" + pcn, new BigDecimal("100.00"), now, now});
        entries.add(new Object[] {entry, serviceDate, now, "Charges for claim " + pcn, pcn, claim, "charge:" + pcn});
        // one billed line, its charge posted against it as intake does: the 835's SVC pays it line by line
        claimLines.add(new Object[] {claim, serviceDate});
        lines.add(new Object[] {entry, 1, "1110", new BigDecimal("100.00"), BigDecimal.ZERO});
        lines.add(new Object[] {entry, 2, "4010", BigDecimal.ZERO, new BigDecimal("100.00")});
      }
      jdbcTemplate.batchUpdate("""
          insert into patient (id, source_system, mrn, family_name, given_name, birth_date, sex)
          values (?, 'benchmark', ?, 'Benchmark', 'Pat', date '1970-01-01', 'F')""", patients);
      jdbcTemplate.batchUpdate("""
          insert into encounter (id, source_system, source_id, facility_id, patient_id, encounter_class, service_date, received_at)
          values (?, 'benchmark', ?, 'C07', ?, 'AMBULATORY', ?, ?)""", encounters);
      jdbcTemplate.batchUpdate("""
          insert into claim (id, patient_control_number, encounter_id, claim_type, payer_id, member_id, status, total_charge,
            created_at, updated_at) values (?, ?, ?, 'PROFESSIONAL', 'CMA', ?, 'SUBMITTED', ?, ?, ?)""", claimRows);
      jdbcTemplate.batchUpdate("""
          insert into journal_entry (id, entry_date, posted_at, description, source_type, source_ref, claim_id, posted_by,
            idempotency_key) values (?, ?, ?, ?, 'CHARGE', ?, ?, 'benchmark', ?)""", entries);
      jdbcTemplate.batchUpdate("""
          insert into claim_line (claim_id, line_number, procedure_code, units, charge, service_date)
          values (?, 1, '99213', 1, 100.00, ?)""", claimLines);
      jdbcTemplate.batchUpdate(
          "insert into journal_line (entry_id, line_number, account_code, debit, credit, claim_line_number) values (?, ?, ?, ?, ?, 1)",
          lines);
    }
    // a database in service has current planner statistics; a freshly seeded one does not until autovacuum
    // happens to analyze it mid-run, which made the figures swing by a factor of two
    jdbcTemplate.execute("analyze");
  }

  /** One 835 (one ST) paying every seeded claim: charge 100, CO-45 20, PR-2 10, paid 70, one SVC line each (REF*6R 1). */
  private byte[] file(String prefix, int claims) {
    List<ClaimPayment> payments = new ArrayList<>(claims);
    BigDecimal charge = new BigDecimal("100.00");
    BigDecimal paid = new BigDecimal("70.00");
    BigDecimal patient = new BigDecimal("10.00");
    LocalDate date = LocalDate.of(2026, 10, 15);
    for (int i = 0; i < claims; i++) {
      List<Adjustment> adjustments = List.of(new Adjustment("CO", "45", new BigDecimal("20.00"), null),
          new Adjustment("PR", "2", patient, null));
      ServicePayment service = new ServicePayment("HC", "99213", List.of(), charge, paid, null, null, null, null, date,
          date, "1", Map.of("B6", new BigDecimal("80.00")), List.of(), adjustments, null);
      payments.add(new ClaimPayment(prefix + i, "1", charge, paid, patient, "CI", "PAYERCLM" + prefix + i, "11", "1", null,
          "BENCHMARK", "PAT", "MI", "M" + prefix + i, "1972183925", date, date, null, List.of(), Map.of(), List.of(),
          List.of(service), null));
    }
    BigDecimal total = paid.multiply(BigDecimal.valueOf(claims));
    RemittanceHeader header = new RemittanceHeader(null, "I", total, "C", "ACH", LocalDate.of(2026, 11, 26),
        "EFT" + prefix + UUID.randomUUID().toString().substring(0, 8), "1999999999", LocalDate.of(2026, 11, 25),
        new RemittanceHeader.Party("SANDBOX MUTUAL", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101", Map.of("2U", "CMA")),
        new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of("TJ", "123456789")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RemittanceAdviceWriter.writeFile(out, InterchangeParties.of("SANDBOXPAYER", "REVCYCLE", 'T'), controlNumbers,
        Clock.systemUTC(), List.of(new RemittanceAdvice(header, payments, List.of())));
    return out.toByteArray();
  }

  /**
   * Peak heap while posting: the heap pools' own peak (reset at the start), a 20 ms sampler of used
   * heap, and the most heap left in use after a collection. The first two count garbage not yet
   * collected, so they follow how far the collector lets the heap fill (it grows the young
   * generation on a long run); the last is what posting holds on to, which must not grow with the file.
   */
  private static final class HeapWatch {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong sampledPeak = new AtomicLong();
    private final AtomicLong afterGcPeak = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapWatch() {
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      List<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).toList();
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          javax.management.NotificationListener listener = (notification, handback) -> {
            if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
              var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                  (javax.management.openmbean.CompositeData) notification.getUserData());
              long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                  .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
              afterGcPeak.accumulateAndGet(after, Math::max);
            }
          };
          emitter.addNotificationListener(listener, null, null);
          unsubscribe.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
              // already gone
            }
          });
        }
      }
      sampler = new Thread(() -> {
        while (running) {
          Runtime rt = Runtime.getRuntime();
          sampledPeak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
    }

    void stop() throws InterruptedException {
      running = false;
      sampler.join();
      unsubscribe.forEach(Runnable::run);
    }

    /** The most heap in use right after a collection while posting (0 if none ran). */
    long afterGcPeakMb() {
      return afterGcPeak.get() >> 20;
    }

    /** Sum of the pools' peaks: an upper bound (pools peak at different moments). */
    long poolPeakMb() {
      return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    long sampledPeakMb() {
      return sampledPeak.get() >> 20;
    }
  }
}
