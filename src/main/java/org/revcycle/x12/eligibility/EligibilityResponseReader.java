package org.revcycle.x12.eligibility;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.revcycle.x12.DatePeriod;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Codes;
import org.revcycle.x12.X12Envelope;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Hierarchy;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;

/**
 * Reads a 271 Eligibility, Coverage or Benefit Information (005010X279A1) into an
 * {@link EligibilityResponse}. Files of the first 5010 edition (005010X279, before addendum A1)
 * are read too: the segments this reader uses did not change; the response says which guide it
 * was. 4010 files (004010X092A1) are refused.
 */
public final class EligibilityResponseReader {

  /** 005010X279 and 005010X279A1. */
  static final String GUIDE_PREFIX = "005010X279";

  private static final Map<String, Set<String>> LEVELS =
      Map.of("20", Set.of(""), "21", Set.of("20"), "22", Set.of("21"), "23", Set.of("22"));

  private final X12Hierarchy hierarchy = new X12Hierarchy(LEVELS);
  private final List<MemberEligibility> members = new ArrayList<>();
  private final List<RequestRejection> requestRejections = new ArrayList<>();
  private final List<X12Problem> problems = new ArrayList<>();
  private String guide;
  private String level;
  private boolean named;
  private boolean inRelatedEntity;
  private MemberBuilder member;
  private BenefitBuilder benefit;

  private EligibilityResponseReader() {}

  public static EligibilityResponse read(InputStream in) {
    return new EligibilityResponseReader().readAll(in);
  }

  private EligibilityResponse readAll(InputStream in) {
    try (X12SegmentReader reader = X12SegmentReader.open(in)) {
      reader.forEachSegment(segment -> accept(segment, reader));
      problems.addAll(0, reader.problems());
    }
    return new EligibilityResponse(guide, members, requestRejections, problems);
  }

  private void accept(Segment segment, X12SegmentReader reader) {
    switch (segment.tag()) {
      case "ISA" -> X12Envelope.requireVersion5010(segment);
      case "ST" -> {
        X12Envelope.requireTransaction(segment, reader, "271", GUIDE_PREFIX);
        guide = reader.guideVersion();
        hierarchy.reset();
      }
      case "HL" -> {
        finishMember();
        hierarchy.accept(segment, problems);
        level = segment.text(3);
        named = false;
        if ("22".equals(level) || "23".equals(level)) {
          member = new MemberBuilder("22".equals(level) ? MemberEligibility.Level.SUBSCRIBER : MemberEligibility.Level.DEPENDENT);
        }
      }
      case "TRN" -> {
        if (member != null) {
          member.traces.add(segment.text(2));
        }
      }
      case "NM1" -> {
        if (inRelatedEntity) {
          return; // 2120: a provider or other payer the benefit points to
        }
        named = true;
        if (member != null) {
          member.name = segment;
        }
      }
      case "AAA" -> rejection(segment);
      case "DTP" -> {
        if (benefit != null) {
          benefit.dates.add(DatePeriod.of(segment));
        } else if (member != null) {
          member.dates.put(segment.text(1), DatePeriod.of(segment));
        }
      }
      case "EB" -> {
        finishBenefit();
        if (member != null) {
          benefit = new BenefitBuilder(segment);
        }
      }
      case "MSG" -> {
        if (benefit != null) {
          benefit.messages.add(segment.text(1));
        }
      }
      case "LS" -> inRelatedEntity = true;
      case "LE" -> inRelatedEntity = false;
      case "SE" -> finishMember();
      default -> {
        // addresses, demographics, provider details: not part of the eligibility answer
      }
    }
  }

  private void rejection(Segment aaa) {
    String loop = loopOf();
    RequestRejection rejection = new RequestRejection(loop, "Y".equals(aaa.text(1)),
        aaa.optional(3), X12Codes.describe("271", "E901", aaa.optional(3)),
        aaa.optional(4), X12Codes.describe("271", "E889", aaa.optional(4)));
    if (benefit != null) {
      benefit.rejections.add(rejection);
    } else if (member != null) {
      member.rejections.add(rejection);
    } else {
      requestRejections.add(rejection);
    }
  }

  /** The guide's loop id for an AAA at this point. */
  private String loopOf() {
    String suffix = switch (level == null ? "" : level) {
      case "20" -> "A";
      case "21" -> "B";
      case "22" -> "C";
      case "23" -> "D";
      default -> "";
    };
    if (benefit != null) {
      return "2110" + suffix;
    }
    return (named ? "2100" : "2000") + suffix;
  }

  private void finishBenefit() {
    if (benefit != null && member != null) {
      member.benefits.add(benefit.build(member));
    }
    benefit = null;
  }

  private void finishMember() {
    finishBenefit();
    if (member != null) {
      members.add(member.build());
    }
    member = null;
    inRelatedEntity = false;
  }

  private static final class MemberBuilder {
    final MemberEligibility.Level level;
    final List<String> traces = new ArrayList<>();
    final Map<String, DatePeriod> dates = new HashMap<>();
    final List<Benefit> benefits = new ArrayList<>();
    final List<RequestRejection> rejections = new ArrayList<>();
    Segment name;

    MemberBuilder(MemberEligibility.Level level) {
      this.level = level;
    }

    MemberEligibility build() {
      return new MemberEligibility(level, traces,
          name == null ? null : name.optional(9), name == null ? null : name.optional(3),
          name == null ? null : name.optional(4), name == null ? null : name.optional(5),
          name == null ? null : name.optional(7), dates, benefits, rejections);
    }
  }

  private static final class BenefitBuilder {
    final Segment eb;
    final List<DatePeriod> dates = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    final List<RequestRejection> rejections = new ArrayList<>();

    BenefitBuilder(Segment eb) {
      this.eb = eb;
    }

    Benefit build(MemberBuilder member) {
      // a rejection of one benefit is still the member's: keep them where the caller looks
      member.rejections.addAll(rejections);
      List<String> serviceTypes = eb.occurrences(3).stream()
          .map(components -> components.length > 0 ? components[0] : null)
          .filter(code -> code != null && !code.isEmpty())
          .toList();
      return new Benefit(eb.text(1), X12Codes.describe("271", "E1390", eb.text(1)), eb.optional(2), serviceTypes,
          eb.optional(4), eb.optional(5), eb.optional(6), eb.decimal(7), eb.decimal(8), eb.optional(12), dates, messages);
    }
  }
}
