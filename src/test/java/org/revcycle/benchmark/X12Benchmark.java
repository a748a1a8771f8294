package org.revcycle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.revcycle.x12.ControlNumbers;
import org.revcycle.x12.InterchangeParties;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;
import org.revcycle.x12.claim.BillingProvider;
import org.revcycle.x12.claim.Claim837;
import org.revcycle.x12.claim.Claim837Writer;
import org.revcycle.x12.claim.ClaimBatch;
import org.revcycle.x12.claim.ClaimType;
import org.revcycle.x12.claim.Claims837;
import org.revcycle.x12.remittance.Adjustment;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdvice;
import org.revcycle.x12.remittance.RemittanceAdviceReader;
import org.revcycle.x12.remittance.RemittanceAdviceWriter;
import org.revcycle.x12.remittance.RemittanceFileReport;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.ServicePayment;

/**
 * X12 throughput, printed, not asserted against a clock. Generates 835 files of growing size
 * (seeded, balanced), then for each: StAEDI's bare event scan (no schema, no mapping: the ceiling of
 * any reader built on it) and revcycle's full read (schema validation, mapping to records,
 * balancing), with MB/s, claims/s and peak heap. Runs in its own JVM with a 256 MB heap (see the
 * x12-benchmark profile in pom.xml), so a file larger than the heap proves the read streams.
 * Not part of `mvn verify`: run with `mvn -B verify -Px12-benchmark` (README, "Benchmarks").
 */
class X12Benchmark {

  private static final int CLAIMS_PER_SET = 1000;
  private static final String[] SIZES_MB = System.getProperty("benchmark.x12.sizes", "25,100,200").split(",");
  private static final Path DIRECTORY = Path.of("target", "x12-benchmark");

  @Test
  void remittanceReadRateAgainstTheBareScan() throws IOException {
    Files.createDirectories(DIRECTORY);
    System.out.printf(Locale.ROOT, "%nX12 835 read benchmark (heap max %d MB, %d cores)%n",
        Runtime.getRuntime().maxMemory() / (1 << 20), Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-8s %9s %11s %10s %15s %10s %10s %17s %9s %13s %8s%n",
        "file MB", "claims", "write cl/s", "scan MB/s", "validate MB/s", "read MB/s", "read cl/s", "read/bare scan",
        "read/val", "peak heap MB", "load");
    // the same passes timed by this thread's CPU time: steadier than the clock on a shared machine
    System.out.println("(second line of each size: the same passes per CPU second of the benchmark thread)");
    boolean warm = false;
    for (String size : SIZES_MB) {
      long targetBytes = Long.parseLong(size.strip()) << 20;
      Path file = DIRECTORY.resolve("835-" + size.strip() + "mb.edi");
      long writeStart = System.nanoTime();
      long written = generate(file, targetBytes);
      double writeSeconds = seconds(writeStart);

      if (!warm) {
        // one warm-up of every path on the first file, so the JIT has compiled them before any figure counts
        bareScan(file, false);
        bareScan(file, true);
        fullRead(file);
        warm = true;
      }
      double loadBefore = loadAverage();
      long scanStart = System.nanoTime();
      long scanCpuStart = cpuNanos();
      long events = bareScan(file, false);
      double scanSeconds = seconds(scanStart);
      double scanCpu = cpuSeconds(scanCpuStart);
      long validateStart = System.nanoTime();
      long validateCpuStart = cpuNanos();
      bareScan(file, true);
      double validateSeconds = seconds(validateStart);
      double validateCpu = cpuSeconds(validateCpuStart);

      resetPeakHeap();
      long readStart = System.nanoTime();
      long readCpuStart = cpuNanos();
      RemittanceFileReport report = fullRead(file);
      double readSeconds = seconds(readStart);
      double readCpu = cpuSeconds(readCpuStart);
      long peakHeap = peakHeap();
      double loadAfter = loadAverage();

      assertThat(report.clean()).as("generated file reads clean: %s", report.problems()).isTrue();
      assertThat(report.claims()).isEqualTo(written);
      assertThat(events).isPositive();
      double megabytes = Files.size(file) / (double) (1 << 20);
      System.out.printf(Locale.ROOT, "%-8.1f %9d %11.0f %10.1f %15.1f %10.1f %10.0f %17.2f %9.2f %13.1f %8s%n", megabytes,
          written, written / writeSeconds, megabytes / scanSeconds, megabytes / validateSeconds, megabytes / readSeconds,
          written / readSeconds, scanSeconds / readSeconds, validateSeconds / readSeconds, peakHeap / (double) (1 << 20),
          String.format(Locale.ROOT, "%.1f-%.1f", Math.min(loadBefore, loadAfter), Math.max(loadBefore, loadAfter)));
      System.out.printf(Locale.ROOT, "%-8s %9s %11s %10.1f %15.1f %10.1f %10.0f %17.2f %9.2f%n", "  cpu", "", "",
          megabytes / scanCpu, megabytes / validateCpu, megabytes / readCpu, written / readCpu, scanCpu / readCpu,
          validateCpu / readCpu);
    }
  }

  /**
   * 837P writing on one thread, schema validation on: batches of 5,000 claims, each claim with its
   * own subscriber (an HL level each) and two lines, written to a counting sink.
   */
  @Test
  void professionalClaimWriteRate() {
    int claims = Integer.getInteger("benchmark.x12.claims837", 100_000);
    BillingProvider provider = Claims837.billingProvider("1234567893");
    List<Claim837> batch = new ArrayList<>(5000);
    for (int i = 0; i < 5000; i++) {
      batch.add(Claims837.professional("PCN" + i, provider, Claims837.subscriber("M" + i, true), null));
    }
    Claim837Writer writer = new Claim837Writer(new Counter(), Clock.systemUTC());
    InterchangeParties parties = InterchangeParties.of("REVCYCLE", "CLEARINGHOUSE", 'T');
    CountingStream warmUp = new CountingStream(OutputStream.nullOutputStream());
    writer.write(warmUp, parties, List.of(new ClaimBatch(Claims837.header(ClaimType.PROFESSIONAL), batch)));

    CountingStream sink = new CountingStream(OutputStream.nullOutputStream());
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    int written = 0;
    while (written < claims) {
      writer.write(sink, parties, List.of(new ClaimBatch(Claims837.header(ClaimType.PROFESSIONAL), batch)));
      written += batch.size();
    }
    double elapsed = seconds(start);
    double cpu = cpuSeconds(cpuStart);
    double loadAfter = loadAverage();
    assertThat(sink.count).isPositive();
    System.out.printf(Locale.ROOT, "%nX12 837P write benchmark: %d claims in %.1f s = %.0f claims/s on one thread, %.1f MB/s;"
        + " %.0f claims per CPU second; load average %.1f-%.1f%n", written, elapsed, written / elapsed,
        sink.count / elapsed / (1 << 20), written / cpu, Math.min(loadBefore, loadAfter), Math.max(loadBefore, loadAfter));
  }

  /**
   * StAEDI alone, nothing mapped or kept: every event pulled, and with {@code validate} the 835
   * schema switched on at each ST, which is the ceiling of any reader that validates on StAEDI.
   */
  private static long bareScan(Path file, boolean validate) throws IOException {
    EDIInputFactory factory = EDIInputFactory.newFactory();
    Schema schema = X12Schemas.named("835");
    long events = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        EDIStreamReader reader = factory.createEDIStreamReader(in)) {
      boolean inHeader = false;
      while (reader.hasNext()) {
        EDIStreamEvent event = reader.next();
        events++;
        if (validate && event == EDIStreamEvent.START_TRANSACTION) {
          inHeader = true;
        } else if (inHeader && event == EDIStreamEvent.END_SEGMENT) {
          reader.setTransactionSchema(schema);
          inHeader = false;
        }
      }
    } catch (io.xlate.edi.stream.EDIStreamException e) {
      throw new IllegalStateException(e);
    }
    return events;
  }

  private static RemittanceFileReport fullRead(Path file) throws IOException {
    AtomicLong lines = new AtomicLong();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      RemittanceFileReport report = RemittanceAdviceReader.read(in, (header, claim) -> lines.addAndGet(claim.services().size()));
      assertThat(lines.get()).isPositive();
      return report;
    }
  }

  /** Balanced 835 sets of a thousand claims each until the file reaches the size; returns the claims written. */
  private static long generate(Path file, long targetBytes) throws IOException {
    Random random = new Random(20261127L);
    long claims = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        CountingStream counting = new CountingStream(out);
        X12InterchangeWriter writer = new X12InterchangeWriter(counting, InterchangeParties.of("BENCHPAYER", "REVCYCLE", 'T'),
            new Counter(), Clock.systemUTC())) {
      writer.startGroup("HP", RemittanceAdviceWriter.GUIDE);
      int set = 0;
      while (counting.count < targetBytes) {
        List<ClaimPayment> batch = new ArrayList<>(CLAIMS_PER_SET);
        for (int i = 0; i < CLAIMS_PER_SET; i++) {
          batch.add(claim(random, set, i));
        }
        BigDecimal total = batch.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        RemittanceHeader header = new RemittanceHeader(null, "I", total, "C", "ACH", LocalDate.of(2026, 11, 26),
            "EFT" + set, "1999999999", LocalDate.of(2026, 11, 25),
            new RemittanceHeader.Party("BENCHMARK HEALTH PLAN", null, null, "1 PAYER WAY", "HARTFORD", "CT", "06101",
                Map.of("2U", "BENCH1")),
            new RemittanceHeader.Party("REGIONAL MEDICAL CENTER", "XX", "1234567893", null, null, null, null, Map.of()));
        RemittanceAdviceWriter.write(writer, new RemittanceAdvice(header, batch, List.of()));
        claims += batch.size();
        set++;
      }
      writer.endGroup();
    }
    return claims;
  }

  private static ClaimPayment claim(Random random, int set, int index) {
    int lines = 1 + random.nextInt(4);
    List<ServicePayment> services = new ArrayList<>(lines);
    BigDecimal charge = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    BigDecimal patient = BigDecimal.ZERO;
    boolean denied = random.nextInt(10) == 0;
    for (int line = 1; line <= lines; line++) {
      BigDecimal lineCharge = BigDecimal.valueOf(5000 + random.nextInt(50000), 2);
      BigDecimal contractual = lineCharge.multiply(new BigDecimal("0.30")).setScale(2, java.math.RoundingMode.HALF_UP);
      BigDecimal coinsurance = denied ? BigDecimal.ZERO : lineCharge.subtract(contractual).multiply(new BigDecimal("0.20"))
          .setScale(2, java.math.RoundingMode.HALF_UP);
      List<Adjustment> adjustments = denied
          ? List.of(new Adjustment("CO", "197", lineCharge, null))
          : List.of(new Adjustment("CO", "45", contractual, null), new Adjustment("PR", "2", coinsurance, null));
      BigDecimal linePaid = denied ? BigDecimal.ZERO : lineCharge.subtract(contractual).subtract(coinsurance);
      LocalDate date = LocalDate.of(2026, 10, 1 + random.nextInt(28));
      services.add(new ServicePayment("HC", "992" + (11 + random.nextInt(5)), List.of(), lineCharge, linePaid, null, null, null,
          null, date, date, String.valueOf(line), Map.of("B6", lineCharge.subtract(contractual)), List.of(), adjustments, null));
      charge = charge.add(lineCharge);
      paid = paid.add(linePaid);
      patient = patient.add(coinsurance);
    }
    return new ClaimPayment("PCN" + set + "X" + index, denied ? "4" : "1", charge, paid, patient.signum() == 0 ? null : patient,
        "CI", "PAYER" + set + "X" + index, "11", "1", null, "PATIENT", "TEST", "MI", "M" + index, "1972183925",
        services.get(0).serviceFrom(), services.get(0).serviceFrom(), null, List.of(), Map.of(), List.of(), services, null);
  }

  private static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of what the read held at once. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static double cpuSeconds(long startNanos) {
    return (cpuNanos() - startNanos) / 1e9;
  }

  /** The machine is shared: the one-minute load average is printed beside each figure. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static final class Counter implements ControlNumbers {
    private long next;

    @Override
    public long nextInterchange() {
      return ++next;
    }

    @Override
    public long nextGroup() {
      return ++next;
    }

    @Override
    public long nextTransaction() {
      return ++next;
    }
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
