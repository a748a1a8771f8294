package org.revcycle.x12.remittance;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.revcycle.x12.EnvelopeIds;
import org.revcycle.x12.Segment;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.X12Location;
import org.revcycle.x12.X12Problem;
import org.revcycle.x12.X12SegmentReader;

/**
 * Reads 835 (005010X221A1) files: validates every set against its schema, maps it to
 * {@link ClaimPayment}s and {@link ProviderAdjustment}s, and checks the three balancing rules:
 * per claim CLP03 − Σ CAS = CLP04, per line SVC02 − Σ CAS = SVC03, per set BPR02 = Σ CLP04 − Σ PLB.
 * An imbalance is reported with the CLP, SVC or BPR in question; nothing is invented to hide it.
 */
public final class RemittanceAdviceReader {

  /** Problems kept in the report; the count goes on. A broken 200 MB file should not fill the heap with them. */
  public static final int PROBLEMS_KEPT = 1000;

  private RemittanceAdviceReader() {}

  /** Streams the file to the listener and reports totals and problems. Throws only for unreadable syntax. */
  public static RemittanceFileReport read(InputStream in, RemittanceListener listener) {
    return read(in, listener, true);
  }

  /**
   * As {@link #read(InputStream, RemittanceListener)}; with {@code schemaValidation} false for a file
   * validated before (posting reads a validated file again): the balancing checks still run, the
   * schema checks (most of the cost of a read) do not.
   */
  public static RemittanceFileReport read(InputStream in, RemittanceListener listener, boolean schemaValidation) {
    try (X12SegmentReader segments = X12SegmentReader.open(in, schemaValidation)) {
      return new Pass(segments, listener).run();
    }
  }

  /** Reads a small file whole. Throws {@link X12Exception} listing every problem when it is not clean. */
  public static List<RemittanceAdvice> readAll(InputStream in) {
    List<RemittanceAdvice> advices = new ArrayList<>();
    Map<RemittanceHeader, List<ClaimPayment>> claims = new LinkedHashMap<>();
    Map<RemittanceHeader, List<ProviderAdjustment>> adjustments = new HashMap<>();
    RemittanceFileReport report = read(in, new RemittanceListener() {
      @Override
      public void transactionStarted(RemittanceHeader header) {
        claims.put(header, new ArrayList<>());
        adjustments.put(header, new ArrayList<>());
      }

      @Override
      public void claim(RemittanceHeader header, ClaimPayment claim) {
        claims.get(header).add(claim);
      }

      @Override
      public void providerAdjustment(RemittanceHeader header, ProviderAdjustment adjustment) {
        adjustments.get(header).add(adjustment);
      }

      @Override
      public void transactionEnded(RemittanceHeader header, RemittanceTotals totals) {
        advices.add(new RemittanceAdvice(header, claims.remove(header), adjustments.remove(header)));
      }
    });
    if (!report.clean()) {
      throw new X12Exception(report.problems());
    }
    return advices;
  }

  /** One pass over one file: the state of the set, claim and line being read. */
  private static final class Pass {

    private final X12SegmentReader segments;
    private final RemittanceListener listener;
    private final List<RemittanceTotals> totals = new ArrayList<>();
    private final List<X12Problem> mappingProblems = new ArrayList<>();
    private int mappingProblemCount;
    private long segmentCount;

    private String senderId;
    private String receiverId;
    private String interchangeNumber;
    private String groupNumber;
    private String groupVersion;

    private HeaderBuilder header;
    private RemittanceHeader started;
    private ClaimBuilder claim;
    private ServiceBuilder service;
    private Segment bpr;
    private int claimCount;
    private int lineCount;
    private int claimsOutOfBalance;
    private int linesOutOfBalance;
    private BigDecimal claimsPaid;
    private BigDecimal providerTotal;

    Pass(X12SegmentReader segments, RemittanceListener listener) {
      this.segments = segments;
      this.listener = listener;
    }

    RemittanceFileReport run() {
      Segment segment;
      while ((segment = segments.next()) != null) {
        segmentCount++;
        try {
          accept(segment);
        } catch (X12Exception e) {
          // a value the schema already flagged (a letter in an amount): keep reading, report it, post nothing
          e.problems().forEach(p -> problem(p.code(), p.location(), p.message()));
          claim = null;
          service = null;
        }
      }
      List<X12Problem> problems = new ArrayList<>(segments.problems());
      problems.addAll(mappingProblems);
      problems.sort(java.util.Comparator.comparingInt(p -> p.location().segmentPosition()));
      int count = segments.problems().size() + mappingProblemCount;
      return new RemittanceFileReport(List.copyOf(totals), List.copyOf(problems.subList(0, Math.min(PROBLEMS_KEPT, problems.size()))),
          count, segmentCount);
    }

    private void accept(Segment s) {
      switch (s.tag()) {
        case "ISA" -> {
          senderId = s.text(6).strip();
          receiverId = s.text(8).strip();
          interchangeNumber = s.text(13);
        }
        case "GS" -> {
          groupNumber = s.text(6);
          groupVersion = s.text(8);
        }
        case "ST" -> startSet(s);
        case "BPR" -> {
          bpr = s;
          header.handlingCode = s.text(1);
          header.totalPayment = s.decimal(2);
          header.creditDebit = s.text(3);
          header.paymentMethod = s.text(4);
          header.paymentDate = s.date(16);
        }
        case "TRN" -> {
          if (header != null && started == null) {
            header.traceNumber = s.text(2);
            header.originatingCompanyId = s.optional(3);
          }
        }
        case "DTM" -> dateTime(s);
        case "N1" -> {
          header.party = new PartyBuilder(s);
          if (s.is("N1", "PR")) {
            header.payer = header.party;
          } else if (s.is("N1", "PE")) {
            header.payee = header.party;
          }
        }
        case "N3" -> {
          if (header != null && header.party != null && started == null) {
            header.party.addressLine = s.text(1);
          }
        }
        case "N4" -> {
          if (header != null && header.party != null && started == null) {
            header.party.city = s.optional(1);
            header.party.state = s.optional(2);
            header.party.postalCode = s.optional(3);
          }
        }
        case "REF" -> reference(s);
        case "LX", "TS3", "TS2" -> {
          finishClaim();
          ensureStarted();
        }
        case "CLP" -> {
          finishClaim();
          ensureStarted();
          claim = new ClaimBuilder(s);
        }
        case "CAS" -> {
          List<Adjustment> target = service != null ? service.adjustments : claim != null ? claim.adjustments : null;
          if (target != null) {
            addAdjustments(s, target);
          }
        }
        case "NM1" -> name(s);
        case "MIA" -> {
          if (claim != null) {
            addRemark(claim.remarkCodes, s.optional(5));
            for (int i = 20; i <= 23; i++) {
              addRemark(claim.remarkCodes, s.optional(i));
            }
          }
        }
        case "MOA" -> {
          if (claim != null) {
            for (int i = 3; i <= 7; i++) {
              addRemark(claim.remarkCodes, s.optional(i));
            }
          }
        }
        case "AMT" -> {
          Map<String, BigDecimal> target = service != null ? service.amounts : claim != null ? claim.amounts : null;
          if (target != null) {
            target.put(s.text(1), s.decimal(2));
          }
        }
        case "SVC" -> {
          finishService();
          if (claim != null) {
            service = new ServiceBuilder(s);
          }
        }
        case "LQ" -> {
          if (service != null && "HE".equals(s.text(1))) {
            service.remarkCodes.add(s.text(2));
          }
        }
        case "PLB" -> {
          finishClaim();
          ensureStarted();
          ProviderAdjustment adjustment = providerAdjustment(s);
          providerTotal = providerTotal.add(adjustment.total());
          listener.providerAdjustment(started, adjustment);
        }
        case "SE" -> endSet();
        default -> {
          // PER, RDM, CUR, QTY and envelope trailers carry nothing a posting needs
        }
      }
    }

    private void startSet(Segment st) {
      header = new HeaderBuilder();
      header.envelope = new EnvelopeIds(senderId, receiverId, interchangeNumber, groupNumber, st.text(2),
          st.optional(3) != null ? st.text(3) : groupVersion);
      started = null;
      claim = null;
      service = null;
      bpr = st;
      claimCount = 0;
      lineCount = 0;
      claimsOutOfBalance = 0;
      linesOutOfBalance = 0;
      claimsPaid = BigDecimal.ZERO;
      providerTotal = BigDecimal.ZERO;
    }

    private void ensureStarted() {
      if (started == null && header != null) {
        started = header.build();
        listener.transactionStarted(started);
      }
    }

    private void endSet() {
      if (header == null) {
        return;
      }
      finishClaim();
      ensureStarted();
      RemittanceTotals setTotals = new RemittanceTotals(claimCount, lineCount, started.totalPayment(), claimsPaid,
          providerTotal, claimsOutOfBalance, linesOutOfBalance);
      if (!setTotals.paymentBalances()) {
        problem("PAYMENT_NOT_BALANCED", bpr.location(2), "BPR02 total payment " + plain(started.totalPayment())
            + " is not the claims paid " + plain(claimsPaid) + " less provider adjustments " + plain(providerTotal)
            + " = " + plain(setTotals.expectedPayment()));
      }
      totals.add(setTotals);
      listener.transactionEnded(started, setTotals);
      header = null;
      started = null;
    }

    private void dateTime(Segment s) {
      String qualifier = s.text(1);
      if (service != null) {
        switch (qualifier) {
          case "472" -> {
            service.from = s.date(2);
            service.to = service.from;
          }
          case "150" -> service.from = s.date(2);
          case "151" -> service.to = s.date(2);
          default -> { }
        }
      } else if (claim != null) {
        switch (qualifier) {
          case "232" -> claim.statementFrom = s.date(2);
          case "233" -> claim.statementTo = s.date(2);
          case "050" -> claim.receivedDate = s.date(2);
          default -> { }
        }
      } else if (header != null && started == null && "405".equals(qualifier)) {
        header.productionDate = s.date(2);
      }
    }

    private void reference(Segment s) {
      if (service != null) {
        if ("6R".equals(s.text(1))) {
          service.lineControlNumber = s.text(2);
        }
      } else if (claim == null && header != null && started == null && header.party != null) {
        header.party.additionalIds.put(s.text(1), s.text(2));
      }
    }

    private void name(Segment s) {
      if (claim == null || service != null) {
        return;
      }
      switch (s.text(1)) {
        case "QC" -> {
          claim.patientLastName = s.optional(3);
          claim.patientFirstName = s.optional(4);
          claim.patientIdQualifier = s.optional(8);
          claim.patientId = s.optional(9);
        }
        case "82" -> {
          if ("XX".equals(s.text(8))) {
            claim.renderingNpi = s.text(9);
          }
        }
        default -> { }
      }
    }

    private void finishService() {
      if (service == null) {
        return;
      }
      ServicePayment line = service.build();
      claim.services.add(line);
      lineCount++;
      BigDecimal expected = line.charge().subtract(Adjustment.sum(line.adjustments()));
      if (line.paid() != null && expected.compareTo(line.paid()) != 0) {
        linesOutOfBalance++;
        problem("LINE_NOT_BALANCED", line.location(), "SVC02 charge " + plain(line.charge()) + " less line adjustments "
            + plain(Adjustment.sum(line.adjustments())) + " is " + plain(expected) + ", but SVC03 paid is " + plain(line.paid()));
      }
      service = null;
    }

    private void finishClaim() {
      finishService();
      if (claim == null) {
        return;
      }
      ClaimPayment payment = claim.build();
      claim = null;
      claimCount++;
      claimsPaid = claimsPaid.add(payment.paid());
      BigDecimal expected = payment.totalCharge().subtract(payment.totalAdjusted());
      if (expected.compareTo(payment.paid()) != 0) {
        claimsOutOfBalance++;
        problem("CLAIM_NOT_BALANCED", payment.location(), "claim " + payment.patientControlNumber()
            + ": CLP03 charge " + plain(payment.totalCharge()) + " less adjustments " + plain(payment.totalAdjusted())
            + " is " + plain(expected) + ", but CLP04 paid is " + plain(payment.paid()));
      }
      listener.claim(started, payment);
    }

    private void problem(String code, X12Location location, String message) {
      mappingProblemCount++;
      if (mappingProblems.size() < PROBLEMS_KEPT) {
        mappingProblems.add(new X12Problem(code, location, message));
      }
    }

    private static void addAdjustments(Segment cas, List<Adjustment> target) {
      String group = cas.text(1);
      for (int i = 2; i <= 17; i += 3) {
        if (cas.has(i)) {
          target.add(new Adjustment(group, cas.text(i), cas.decimalOrZero(i + 1), cas.decimal(i + 2)));
        }
      }
    }

    private static void addRemark(List<String> remarks, String code) {
      if (code != null) {
        remarks.add(code);
      }
    }

    private static ProviderAdjustment providerAdjustment(Segment plb) {
      List<ProviderAdjustment.Item> items = new ArrayList<>(2);
      for (int i = 3; i <= 13; i += 2) {
        if (plb.has(i)) {
          items.add(new ProviderAdjustment.Item(plb.text(i, 1), plb.optional(i, 2), plb.decimalOrZero(i + 1)));
        }
      }
      return new ProviderAdjustment(plb.text(1), plb.date(2), items);
    }

    private static String plain(BigDecimal amount) {
      return amount == null ? "(none)" : amount.toPlainString();
    }
  }

  private static final class HeaderBuilder {
    EnvelopeIds envelope;
    String handlingCode;
    BigDecimal totalPayment;
    String creditDebit;
    String paymentMethod;
    LocalDate paymentDate;
    String traceNumber;
    String originatingCompanyId;
    LocalDate productionDate;
    PartyBuilder party;
    PartyBuilder payer;
    PartyBuilder payee;

    RemittanceHeader build() {
      return new RemittanceHeader(envelope, handlingCode, totalPayment, creditDebit, paymentMethod, paymentDate,
          traceNumber, originatingCompanyId, productionDate, payer == null ? null : payer.build(),
          payee == null ? null : payee.build());
    }
  }

  private static final class PartyBuilder {
    final String name;
    final String idQualifier;
    final String id;
    String addressLine;
    String city;
    String state;
    String postalCode;
    final Map<String, String> additionalIds = new LinkedHashMap<>();

    PartyBuilder(Segment n1) {
      name = n1.optional(2);
      idQualifier = n1.optional(3);
      id = n1.optional(4);
    }

    RemittanceHeader.Party build() {
      return new RemittanceHeader.Party(name, idQualifier, id, addressLine, city, state, postalCode, additionalIds);
    }
  }

  private static final class ClaimBuilder {
    final Segment clp;
    String patientLastName;
    String patientFirstName;
    String patientIdQualifier;
    String patientId;
    String renderingNpi;
    LocalDate statementFrom;
    LocalDate statementTo;
    LocalDate receivedDate;
    final List<String> remarkCodes = new ArrayList<>(0);
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    final List<Adjustment> adjustments = new ArrayList<>(2);
    final List<ServicePayment> services = new ArrayList<>(4);

    ClaimBuilder(Segment clp) {
      this.clp = clp;
    }

    ClaimPayment build() {
      return new ClaimPayment(clp.text(1), clp.text(2), clp.decimalOrZero(3), clp.decimalOrZero(4), clp.decimal(5),
          clp.optional(6), clp.optional(7), clp.optional(8), clp.optional(9), clp.optional(11), patientLastName,
          patientFirstName, patientIdQualifier, patientId, renderingNpi, statementFrom, statementTo, receivedDate,
          remarkCodes, amounts, adjustments, services, clp.location());
    }
  }

  private static final class ServiceBuilder {
    final Segment svc;
    LocalDate from;
    LocalDate to;
    String lineControlNumber;
    final Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    final List<String> remarkCodes = new ArrayList<>(0);
    final List<Adjustment> adjustments = new ArrayList<>(2);

    ServiceBuilder(Segment svc) {
      this.svc = svc;
    }

    ServicePayment build() {
      List<String> modifiers = new ArrayList<>(0);
      for (int c = 3; c <= 6; c++) {
        String modifier = svc.optional(1, c);
        if (modifier != null) {
          modifiers.add(modifier);
        }
      }
      return new ServicePayment(svc.text(1, 1), svc.text(1, 2), modifiers, svc.decimalOrZero(2), svc.decimal(3),
          svc.optional(4), svc.decimal(5), svc.optional(6, 2), svc.decimal(7), from, to, lineControlNumber, amounts,
          remarkCodes, adjustments, svc.location());
    }
  }
}
