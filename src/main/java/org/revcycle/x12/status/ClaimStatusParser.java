package org.revcycle.x12.status;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Envelope;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Hierarchy;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;

/**
 * Reads the loop structure the 277 (X212) and the 277CA (X214) share: HL levels, each with a name
 * (NM1) and any number of TRN-led status loops, claim levels with service lines (SVC). The two
 * readers differ only in the guide, the claim level codes and where the patient control number is.
 */
public final class ClaimStatusParser {

  /** What one file held. */
  public record Result(List<ClaimStatusResponse> claims, List<LevelStatus> levels, List<X12Problem> problems) {}

  private final String schemaName;
  private final String guide;
  private final Set<String> claimLevels;
  private final X12Hierarchy hierarchy;

  private final List<ClaimStatusResponse> claims = new ArrayList<>();
  private final List<LevelStatus> levels = new ArrayList<>();
  private final List<X12Problem> problems = new ArrayList<>();
  private String level;
  private ClaimBuilder claim;
  private LineBuilder line;
  private LevelBuilder levelStatus;

  public ClaimStatusParser(String schemaName, String guide, Set<String> claimLevels, X12Hierarchy hierarchy) {
    this.schemaName = schemaName;
    this.guide = guide;
    this.claimLevels = claimLevels;
    this.hierarchy = hierarchy;
  }

  public Result parse(InputStream in) {
    try (X12SegmentReader reader = X12SegmentReader.open(in)) {
      reader.forEachSegment(segment -> accept(segment, reader));
      problems.addAll(0, reader.problems());
    }
    return new Result(claims, levels, problems);
  }

  private void accept(Segment segment, X12SegmentReader reader) {
    switch (segment.tag()) {
      case "ISA" -> X12Envelope.requireVersion5010(segment);
      case "ST" -> {
        X12Envelope.requireTransaction(segment, reader, "277", guide);
        hierarchy.reset();
      }
      case "HL" -> {
        finish();
        hierarchy.accept(segment, problems);
        level = segment.text(3);
      }
      case "TRN" -> {
        finish();
        if (claimLevels.contains(level)) {
          claim = new ClaimBuilder(segment.text(2));
        } else if (level != null && !"20".equals(level)) {
          levelStatus = new LevelBuilder(level, segment.text(2));
        }
      }
      case "STC" -> {
        StatusInformation status = StatusSegments.statusOf(segment, schemaName);
        if (line != null) {
          line.statuses.add(status);
        } else if (claim != null) {
          claim.statuses.add(status);
        } else if (levelStatus != null) {
          levelStatus.statuses.add(status);
        }
      }
      case "REF" -> reference(segment);
      case "DTP" -> {
        if (segment.is("DTP", "472")) {
          if (line != null) {
            line.dates = DatePeriod.of(segment);
          } else if (claim != null) {
            claim.dates = DatePeriod.of(segment);
          }
        }
      }
      case "QTY" -> {
        if (levelStatus != null && segment.decimal(2) != null) {
          int count = segment.decimal(2).intValueExact();
          if (segment.is("QTY", "90", "QA")) {
            levelStatus.acceptedQuantity = count;
          } else if (segment.is("QTY", "AA", "QC")) {
            levelStatus.rejectedQuantity = count;
          }
        }
      }
      case "AMT" -> {
        if (levelStatus != null) {
          if (segment.is("AMT", "YU")) {
            levelStatus.acceptedAmount = segment.decimal(2);
          } else if (segment.is("AMT", "YY")) {
            levelStatus.rejectedAmount = segment.decimal(2);
          }
        }
      }
      case "SVC" -> {
        if (claim != null) {
          finishLine();
          line = new LineBuilder(segment);
        }
      }
      case "SE" -> finish();
      default -> {
        // names (NM1), contacts (PER), demographics (DMG) and envelopes carry nothing this report needs
      }
    }
  }

  private void reference(Segment ref) {
    if (line != null) {
      if (ref.is("REF", "FJ")) {
        line.controlNumber = ref.text(2);
      }
      return;
    }
    if (claim == null) {
      return;
    }
    switch (ref.text(1)) {
      case "1K" -> claim.payerClaimNumber = ref.text(2);
      case "EJ" -> claim.patientControlNumber = ref.text(2);
      case "BLT" -> claim.billType = ref.text(2);
      case "D9" -> claim.clearinghouseTrace = ref.text(2);
      default -> {
        // medical record (EA), pharmacy prescription (XZ): not needed to match a claim
      }
    }
  }

  private void finishLine() {
    if (line != null && claim != null) {
      claim.lines.add(line.build());
    }
    line = null;
  }

  private void finish() {
    finishLine();
    if (claim != null) {
      claims.add(claim.build());
      claim = null;
    }
    if (levelStatus != null) {
      levels.add(levelStatus.build());
      levelStatus = null;
    }
  }

  private static final class ClaimBuilder {
    final String trace;
    String patientControlNumber;
    String payerClaimNumber;
    String billType;
    String clearinghouseTrace;
    DatePeriod dates;
    final List<StatusInformation> statuses = new ArrayList<>();
    final List<ServiceLineStatus> lines = new ArrayList<>();

    ClaimBuilder(String trace) {
      this.trace = trace;
    }

    ClaimStatusResponse build() {
      return new ClaimStatusResponse(trace, patientControlNumber, payerClaimNumber, billType, clearinghouseTrace,
          statuses, dates, lines);
    }
  }

  private static final class LineBuilder {
    final Segment svc;
    final List<StatusInformation> statuses = new ArrayList<>();
    String controlNumber;
    DatePeriod dates;

    LineBuilder(Segment svc) {
      this.svc = svc;
    }

    ServiceLineStatus build() {
      String[] procedure = svc.components(1);
      List<String> modifiers = procedure.length > 2
          ? Arrays.stream(procedure, 2, Math.min(procedure.length, 6)).filter(m -> m != null && !m.isEmpty()).toList()
          : List.of();
      return new ServiceLineStatus(svc.optional(1, 1), svc.optional(1, 2), modifiers, svc.decimal(2), svc.decimal(3),
          svc.optional(4), svc.decimal(7), statuses, controlNumber, dates);
    }
  }

  private static final class LevelBuilder {
    final String level;
    final String trace;
    final List<StatusInformation> statuses = new ArrayList<>();
    Integer acceptedQuantity;
    Integer rejectedQuantity;
    BigDecimal acceptedAmount;
    BigDecimal rejectedAmount;

    LevelBuilder(String level, String trace) {
      this.level = level;
      this.trace = trace;
    }

    LevelStatus build() {
      return new LevelStatus(level, trace, statuses, acceptedQuantity, rejectedQuantity, acceptedAmount, rejectedAmount);
    }
  }
}
