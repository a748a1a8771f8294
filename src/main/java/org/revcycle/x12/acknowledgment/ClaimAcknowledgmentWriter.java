package org.revcycle.x12.acknowledgment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.X12InterchangeWriter;
import org.revcycle.x12.X12Schemas;
import org.revcycle.x12.status.ClaimStatusCode;
import org.revcycle.x12.status.StatusInformation;

/**
 * Writes 277CA Health Care Claim Acknowledgments (005010X214) into an open interchange: one GS*HN
 * group, one set per batch acknowledged. Levels: information source (20), receiver (21) with the
 * batch's accepted and rejected counts and amounts, one billing provider level (19) per provider,
 * and one patient level (PT) per claim with its STCs, the payer's claim number (REF*1K) when taken
 * in, the clearinghouse trace (REF*D9), the bill type (REF*BLT) and the service dates. Validated
 * against the 277CA schema as it goes; read back by {@link ClaimAcknowledgmentReader}.
 */
public final class ClaimAcknowledgmentWriter {

  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  private ClaimAcknowledgmentWriter() {}

  /** Writes GS, one ST..SE per batch, GE; returns the ST02 of each set, in order. */
  public static List<String> writeGroup(X12InterchangeWriter out, List<ClaimAcknowledgmentBatch> batches,
      LocalDateTime created) {
    out.startGroup("HN", ClaimAcknowledgmentReader.GUIDE);
    List<String> controlNumbers = batches.stream().map(b -> write(out, b, created)).toList();
    out.endGroup();
    return controlNumbers;
  }

  private static String write(X12InterchangeWriter out, ClaimAcknowledgmentBatch batch, LocalDateTime created) {
    String controlNumber = out.startTransaction("277", ClaimAcknowledgmentReader.GUIDE, X12Schemas.named("277CA"));
    out.segment("BHT", "0085", "08", batch.referenceId(), created.toLocalDate(), created.format(HHMM), "TH");
    int hl = 1;
    out.segment("HL", hl, "", "20", "1");
    out.segment("NM1", "PR", "2", batch.sourceName(), "", "", "", "", "PI", batch.sourceId());
    out.segment("TRN", "1", batch.referenceId());
    out.segment("DTP", "050", "D8", batch.receivedOn());
    out.segment("DTP", "009", "D8", batch.processedOn());

    int receiver = ++hl;
    out.segment("HL", receiver, "1", "21", "1");
    out.segment("NM1", "41", "2", batch.receiverName(), "", "", "", "", "46", batch.receiverId());
    out.segment("TRN", "2", batch.batchTraceNumber());
    BigDecimal total = batch.claims().stream().map(c -> amount(c.acknowledgment())).reduce(BigDecimal.ZERO, BigDecimal::add);
    out.segment("STC", new String[] {"A1", "20"}, batch.processedOn(), "WQ", total);
    long accepted = batch.claims().stream().filter(c -> c.acknowledgment().isAccepted()).count();
    long rejected = batch.claims().size() - accepted;
    if (accepted > 0) {
      out.segment("QTY", "90", accepted);
    }
    if (rejected > 0) {
      out.segment("QTY", "AA", rejected);
    }
    BigDecimal acceptedAmount = batch.claims().stream().filter(c -> c.acknowledgment().isAccepted())
        .map(c -> amount(c.acknowledgment())).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (accepted > 0) {
      out.segment("AMT", "YU", acceptedAmount);
    }
    if (rejected > 0) {
      out.segment("AMT", "YY", total.subtract(acceptedAmount));
    }

    Map<String, List<AcknowledgedClaim>> byProvider = new LinkedHashMap<>();
    for (AcknowledgedClaim claim : batch.claims()) {
      byProvider.computeIfAbsent(claim.providerNpi(), k -> new java.util.ArrayList<>()).add(claim);
    }
    for (List<AcknowledgedClaim> claims : byProvider.values()) {
      int provider = ++hl;
      out.segment("HL", provider, receiver, "19", "1");
      out.segment("NM1", "85", "2", claims.get(0).providerName(), "", "", "", "", "XX", claims.get(0).providerNpi());
      out.segment("TRN", "1", batch.batchTraceNumber() + "-" + provider);
      for (AcknowledgedClaim claim : claims) {
        out.segment("HL", ++hl, provider, "PT");
        patientLevel(out, claim);
      }
    }
    out.endTransaction();
    return controlNumber;
  }

  private static void patientLevel(X12InterchangeWriter out, AcknowledgedClaim claim) {
    ClaimAcknowledgment ack = claim.acknowledgment();
    out.segment("NM1", "QC", "1", claim.patientLastName(), claim.patientFirstName(), "", "", "", "MI", claim.memberId());
    out.segment("TRN", "2", ack.patientControlNumber());
    for (StatusInformation status : ack.statuses()) {
      ClaimStatusCode first = status.codes().get(0);
      Object second = status.codes().size() > 1 ? composite(status.codes().get(1)) : null;
      Object third = status.codes().size() > 2 ? composite(status.codes().get(2)) : null;
      out.segment("STC", composite(first), status.effectiveDate(), "WQ", status.totalCharge(), "", "", "", "", "",
          second, third, status.message());
    }
    if (ack.payerClaimControlNumber() != null) {
      out.segment("REF", "1K", ack.payerClaimControlNumber());
    }
    if (ack.clearinghouseTraceNumber() != null) {
      out.segment("REF", "D9", ack.clearinghouseTraceNumber());
    }
    if (ack.billType() != null) {
      out.segment("REF", "BLT", ack.billType());
    }
    DatePeriod dates = ack.serviceDates();
    if (dates != null && dates.from() != null) {
      if (dates.to() == null || dates.to().equals(dates.from())) {
        out.segment("DTP", "472", "D8", dates.from());
      } else {
        out.segment("DTP", "472", "RD8", dates.from().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
            + dates.to().format(DateTimeFormatter.BASIC_ISO_DATE));
      }
    }
  }

  private static String[] composite(ClaimStatusCode code) {
    return new String[] {code.category(), code.status(), code.entity()};
  }

  private static BigDecimal amount(ClaimAcknowledgment ack) {
    return ack.amount() == null ? BigDecimal.ZERO : ack.amount();
  }
}
