package org.revcycle.remittance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.revcycle.platform.InboundMessages;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.RemittanceAdviceReader;
import org.revcycle.x12.remittance.RemittanceFileReport;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.RemittanceListener;
import org.springframework.stereotype.Service;

/**
 * Checks an 835 before anything is posted: schema, and balancing per claim (CLP03 − ΣCAS = CLP04),
 * per line (SVC02 − ΣCAS = SVC03) and per set with PLB (BPR02 = ΣCLP04 − ΣPLB). A file that fails
 * any of them posts nothing, is kept with its problems, and goes to a person.
 */
@Service
public class RemittanceFileValidation {

  private final RemittanceFileRepository files;
  private final InboundMessages inbound;

  public RemittanceFileValidation(RemittanceFileRepository files, InboundMessages inbound) {
    this.files = files;
    this.inbound = inbound;
  }

  /** The envelope and payment of a file, and whether it may be posted. */
  public record Result(boolean balanced, String interchangeControlNumber, String groupControlNumber,
      String transactionControlNumbers, String senderId, String traceNumber, String payerId, String paymentMethod,
      LocalDate paymentDate, BigDecimal totalPayment, int claims, int problemCount, List<X12Problem> problems) {

    String problemSummary() {
      return problems.isEmpty() ? null
          : problems.stream().limit(20).map(X12Problem::toString).collect(Collectors.joining("; "));
    }
  }

  /** Validates the file kept as {@code fileId} once; a second call reads the recorded outcome. */
  public boolean validate(UUID fileId) {
    RemittanceFileRepository.RemittanceFile file = files.find(fileId).orElseThrow();
    if (!"RECEIVED".equals(file.status())) {
      return !"REFUSED".equals(file.status());
    }
    return validate(fileId, files.payload(fileId).getBytes(StandardCharsets.ISO_8859_1)).balanced();
  }

  /** Reads the whole file (streaming), records what it found, and returns it with every problem. */
  Result validate(UUID fileId, byte[] content) {
    List<RemittanceHeader> headers = new ArrayList<>();
    RemittanceListener listener = new RemittanceListener() {
      @Override
      public void transactionStarted(RemittanceHeader header) {
        headers.add(header);
      }

      @Override
      public void claim(RemittanceHeader header, ClaimPayment claim) {}
    };
    Result result;
    try {
      RemittanceFileReport report = RemittanceAdviceReader.read(new ByteArrayInputStream(content), listener);
      result = result(headers, report.clean(), report.claims(), report.problemCount(), report.problems(),
          report.transactions().stream().map(t -> t.totalPayment() == null ? BigDecimal.ZERO : t.totalPayment())
              .reduce(BigDecimal.ZERO, BigDecimal::add));
    } catch (X12Exception unreadable) {
      result = result(headers, false, 0, unreadable.problems().size(), unreadable.problems(), null);
    }
    files.recordValidation(fileId, result);
    if (!result.balanced()) {
      inbound.markRefused(fileId, new X12Exception(result.problems()).getMessage());
    }
    return result;
  }

  private static Result result(List<RemittanceHeader> headers, boolean clean, int claims, int problemCount,
      List<X12Problem> problems, BigDecimal total) {
    RemittanceHeader first = headers.isEmpty() ? null : headers.get(0);
    String sets = headers.stream().map(h -> h.envelope().transactionControlNumber()).collect(Collectors.joining(","));
    return new Result(clean && !headers.isEmpty(),
        first == null ? null : first.envelope().interchangeControlNumber(),
        first == null ? null : first.envelope().groupControlNumber(),
        sets.isEmpty() ? null : sets,
        first == null ? null : first.envelope().senderId(),
        first == null ? null : first.traceNumber(),
        first == null ? null : RemittanceFiles.payerId(first),
        first == null ? null : first.paymentMethod(),
        first == null ? null : first.paymentDate(),
        total, claims, problemCount, List.copyOf(problems));
  }
}
