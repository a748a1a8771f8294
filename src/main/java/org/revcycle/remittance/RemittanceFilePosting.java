package org.revcycle.remittance;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.revcycle.ledger.AdjustmentAccounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.ledger.Money;
import org.revcycle.platform.InboundMessages;
import org.revcycle.x12.remittance.ClaimPayment;
import org.revcycle.x12.remittance.ProviderAdjustment;
import org.revcycle.x12.remittance.RemittanceAdviceReader;
import org.revcycle.x12.remittance.RemittanceHeader;
import org.revcycle.x12.remittance.RemittanceListener;
import org.revcycle.x12.remittance.ServicePayment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts a validated 835 file, claim by claim in file order, in chunks: each chunk (the claims'
 * decisions, their journal entries, their timeline events and the file's progress) commits as one
 * transaction. After a crash the posting resumes after the last committed chunk, so nothing is
 * posted twice and nothing is left half-posted; every posting also carries an idempotency key.
 * PLB provider adjustments post last, with the file marked posted, in one transaction.
 */
@Service
public class RemittanceFilePosting {

  private final RemittanceFileRepository files;
  private final ClaimMatcher matcher;
  private final Ledger ledger;
  private final AdjustmentAccounts adjustmentAccounts;
  private final InboundMessages inbound;
  private final JdbcTemplate jdbc;
  private final RemittancePostingProbe probe;
  private final RemittanceWorkflow workflow;
  private final Clock clock;
  private final TransactionTemplate chunkTransaction;
  private final int chunkSize;
  private final ApplicationEventPublisher events;
  private final OtherCoverages coverages;

  public RemittanceFilePosting(RemittanceFileRepository files, ClaimMatcher matcher, Ledger ledger,
      AdjustmentAccounts adjustmentAccounts, InboundMessages inbound, JdbcTemplate jdbc, RemittancePostingProbe probe,
      RemittanceWorkflow workflow, Clock clock, PlatformTransactionManager transactions,
      @Value("${revcycle.remittance.posting-chunk-size:250}") int chunkSize, ApplicationEventPublisher events,
      OtherCoverages coverages) {
    this.events = events;
    this.coverages = coverages;
    this.files = files;
    this.matcher = matcher;
    this.ledger = ledger;
    this.adjustmentAccounts = adjustmentAccounts;
    this.inbound = inbound;
    this.jdbc = jdbc;
    this.probe = probe;
    this.workflow = workflow;
    this.clock = clock;
    this.chunkTransaction = new TransactionTemplate(transactions);
    this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.chunkSize = chunkSize;
  }

  /** What posting a file came to. */
  public record Posted(int claims, int matched, int unmatched, int alreadyTaken, List<UUID> unmatchedRemittances) {}

  private record Item(int sequence, RemittanceHeader header, ClaimPayment claim) {}

  public Posted post(UUID fileId) {
    RemittanceFileRepository.RemittanceFile file = files.find(fileId).orElseThrow();
    if ("REFUSED".equals(file.status()) || "RECEIVED".equals(file.status())) {
      throw new IllegalStateException("835 file " + fileId + " is " + file.status() + ", not validated for posting");
    }
    if (!"POSTED".equals(file.status())) {
      AdjustmentAccounts.Mapping mapping = adjustmentAccounts.snapshot();
      int resumeAfter = file.claimsTaken();
      List<Item> chunk = new ArrayList<>(chunkSize);
      List<ProviderAdjustmentItem> plbs = new ArrayList<>();
      int[] sequence = {0};
      // validation read this file against its schema before anything posted: the posting pass reads
      // it again without those checks (most of the time and garbage of a read), balancing included
      RemittanceAdviceReader.read(new ByteArrayInputStream(files.payload(fileId).getBytes(StandardCharsets.ISO_8859_1)),
          new RemittanceListener() {
            @Override
            public void claim(RemittanceHeader header, ClaimPayment claim) {
              int seq = ++sequence[0];
              if (seq <= resumeAfter) {
                return;
              }
              chunk.add(new Item(seq, header, claim));
              if (chunk.size() == chunkSize) {
                takeChunk(fileId, chunk, mapping);
                chunk.clear();
              }
            }

            @Override
            public void providerAdjustment(RemittanceHeader header, ProviderAdjustment adjustment) {
              plbs.add(new ProviderAdjustmentItem(header, adjustment));
            }
          }, false);
      if (!chunk.isEmpty()) {
        takeChunk(fileId, chunk, mapping);
      }
      chunkTransaction.executeWithoutResult(status -> finish(fileId, plbs, mapping, file.receivedAt()));
      // cash reconciliation: a deposit that came before its 835 can match now
      events.publishEvent(new RemittanceFilePosted(fileId));
    }
    RemittanceFileRepository.RemittanceFile done = files.find(fileId).orElseThrow();
    return new Posted(done.claims(), done.matched(), done.unmatched(), done.alreadyTaken(), files.unmatchedRemittances(fileId));
  }

  private record ProviderAdjustmentItem(RemittanceHeader header, ProviderAdjustment adjustment) {}

  private void takeChunk(UUID fileId, List<Item> items, AdjustmentAccounts.Mapping mapping) {
    chunkTransaction.executeWithoutResult(status -> {
      Instant now = clock.instant();
      Set<String> pcns = new LinkedHashSet<>();
      Set<String> traces = new LinkedHashSet<>();
      items.forEach(i -> {
        pcns.add(i.claim().patientControlNumber());
        traces.add(i.header().traceNumber());
      });
      Map<String, ClaimMatcher.MatchedClaim> byPcn = matcher.byPatientControlNumber(pcns);
      Set<String> taken = matcher.alreadyTaken(fileId, traces);
      // first the claims each CLP is about, then what posting them needs, a query each for the chunk
      List<ClaimMatcher.MatchedClaim> claims = new ArrayList<>(items.size());
      boolean[] takenBefore = new boolean[items.size()];
      Set<UUID> withLines = new LinkedHashSet<>();
      Set<UUID> matchedIds = new LinkedHashSet<>();
      for (int n = 0; n < items.size(); n++) {
        Item item = items.get(n);
        ClaimPayment c = item.claim();
        if (taken.contains(ClaimMatcher.sameKey(RemittanceFiles.payerId(item.header()), item.header().traceNumber(),
            c.patientControlNumber(), c.payerClaimNumber() == null ? "" : c.payerClaimNumber(), c.statusCode(),
            c.totalCharge(), c.paid()))) {
          takenBefore[n] = true;
          claims.add(null);
          continue;
        }
        ClaimMatcher.MatchedClaim claim = byPcn.get(c.patientControlNumber());
        if (claim == null) {
          claim = matcher.byPayerClaimNumber(c.payerClaimNumber())
              .or(() -> matcher.byPatientAndServiceDate(c.patientId(), serviceDate(c), RemittanceFiles.payerId(item.header())))
              .orElse(null);
        }
        claims.add(claim);
        if (claim != null) {
          matchedIds.add(claim.id());
          if (!c.services().isEmpty()) {
            withLines.add(claim.id());
          }
        }
      }
      Map<UUID, List<ServiceLineAllocation.ClaimLine>> claimLines = matcher.claimLines(withLines);
      Map<UUID, List<String>> otherPayers = coverages.payersAfterPrimary(matchedIds);

      List<Object[]> remittanceRows = new ArrayList<>();
      List<Object[]> adjustmentRows = new ArrayList<>();
      List<Object[]> serviceLineRows = new ArrayList<>();
      List<Object[]> eventRows = new ArrayList<>();
      List<Object[]> payerClaimNumbers = new ArrayList<>();
      List<JournalEntry> entries = new ArrayList<>();
      // claims whose own process waits for a decision: the last such decision of the chunk per claim
      Map<UUID, UUID> forTheirProcess = new java.util.LinkedHashMap<>();
      Set<UUID> denials = new java.util.HashSet<>();
      List<ClaimDenialRemitted> deniedClaims = new ArrayList<>();
      // claims that may hold decisions their process has not taken: posted before, or twice in this chunk
      Set<UUID> earlierDecisions = new java.util.HashSet<>();
      int matched = 0;
      int unmatched = 0;
      int already = 0;
      for (int n = 0; n < items.size(); n++) {
        Item item = items.get(n);
        ClaimMatcher.MatchedClaim claim = claims.get(n);
        if (takenBefore[n]) {
          already++;
          probe.claimTaken(fileId, item.sequence());
          continue;
        }
        List<Integer> allocation = claim == null || item.claim().services().isEmpty()
            ? java.util.Collections.nCopies(item.claim().services().size(), null)
            : ServiceLineAllocation.allocate(item.claim().patientControlNumber(), item.claim().services(),
                claimLines.getOrDefault(claim.id(), List.of()));
        ClaimAdjudication a = RemittanceFiles.adjudication(item.header(), item.claim(), allocation);
        UUID remittanceId = UUID.randomUUID();
        boolean followOn = claim != null && claim.primaryPosted() && ("2".equals(a.statusCode()) || "3".equals(a.statusCode()));
        // the payer's reversal of a claim being voided: its void process takes it, at once
        boolean voidReversal = claim != null && "22".equals(a.statusCode()) && "VOIDING".equals(claim.status());
        // the claim's own process takes a decision only while it waits for one; later ones are posted here alone
        boolean forItsProcess = claim != null && (!claim.primaryPosted() || "SUBMITTED".equals(claim.status())
            || "ACCEPTED".equals(claim.status()) || voidReversal);
        remittanceRows.add(new Object[] {remittanceId, claim == null ? null : claim.id(), a.patientControlNumber(),
            a.payerId(), a.payerClaimNumber(), a.statusCode(), a.charge(), a.paid(), a.patientResponsibility(),
            a.remarkCodes().isEmpty() ? null : truncate(String.join(",", a.remarkCodes()), 255), a.paymentDate(),
            a.traceNumber(), "file:" + fileId, Timestamp.from(now), forItsProcess || claim == null ? null : Timestamp.from(now),
            Timestamp.from(now), fileId, item.sequence(), claim == null ? null : claim.method(), followOn,
            item.claim().patientId() == null ? null : truncate(item.claim().patientId(), 80), serviceDate(item.claim())});
        int adjustmentSeq = 1;
        for (var adj : item.claim().adjustments()) {
          adjustmentRows.add(new Object[] {remittanceId, adjustmentSeq++, adj.group(), adj.reason(), adj.amount(), null});
        }
        for (ClaimAdjudication.ServiceLine line : a.lines()) {
          serviceLineRows.add(new Object[] {remittanceId, line.sequence(), line.claimLineNumber(),
              line.lineControlNumber() == null ? null : truncate(line.lineControlNumber(), 50),
              line.procedureCode() == null ? null : truncate(line.procedureCode(), 48), line.charge(), line.paid()});
          for (var adj : line.adjustments()) {
            adjustmentRows.add(new Object[] {remittanceId, adjustmentSeq++, adj.groupCode(), adj.reasonCode(), adj.amount(),
                line.sequence()});
          }
        }
        if (claim == null) {
          unmatched++;
          RemittanceEntries.unapplied(remittanceId, a, fileId).ifPresent(entries::add);
        } else {
          matched++;
          RemittanceEntries.Receivables receivables = RemittanceEntries.Receivables.of(followOn, a.statusCode(), a.payerId(),
              otherPayers.getOrDefault(claim.id(), List.of()));
          // a void of a denied claim: the denial moved no money, so its reversal has nothing to undo
          if (!(voidReversal && !claim.primaryPosted())) {
            RemittanceEntries.forClaim(remittanceId, claim.id(), a, receivables, claim.payerClass(), mapping, fileId)
                .ifPresent(entries::add);
          }
          if (forItsProcess) {
            if (claim.primaryPosted() || forTheirProcess.containsKey(claim.id())) {
              earlierDecisions.add(claim.id());
            }
            forTheirProcess.put(claim.id(), remittanceId);
            if (a.denied() || voidReversal) {
              denials.add(remittanceId); // taken at once, whatever is still open (a reversal reopens the charge)
            }
          }
          if (a.denied()) {
            deniedClaims.add(new ClaimDenialRemitted(claim.id(), remittanceId));
          }
          long unallocated = a.lines().stream().filter(l -> l.claimLineNumber() == null).count();
          eventRows.add(new Object[] {UUID.randomUUID(), claim.id(), "ADJUDICATION", a.denied() ? "DENIED" : "ADJUDICATED",
              truncate("CLP02 " + a.statusCode() + ", payer claim " + a.payerClaimNumber() + ", paid " + a.paid()
                  + ", trace " + a.traceNumber() + (a.lines().isEmpty() ? "" : ", " + a.lines().size() + " service lines"
                  + (unallocated == 0 ? "" : " (" + unallocated + " matching no claim line, posted at claim level)"))
                  + (followOn ? ", after a primary payment" : ""), 500),
              "payer " + a.payerId(), Timestamp.from(now)});
          if (a.payerClaimNumber() != null && !a.payerClaimNumber().isBlank()) {
            payerClaimNumbers.add(new Object[] {a.payerClaimNumber(), claim.id()});
          }
        }
        probe.claimTaken(fileId, item.sequence());
      }
      jdbc.batchUpdate("""
          insert into remittance_claim (id, claim_id, patient_control_number, payer_id, payer_claim_number, status_code,
            charge, paid, patient_responsibility, remark_codes, payment_date, trace_number, source, received_at,
            correlated_at, posted_at, file_id, clp_sequence, match_method, follow_on, patient_id, service_date)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", remittanceRows);
      jdbc.batchUpdate("""
          insert into remittance_adjustment (remittance_id, sequence, group_code, reason_code, amount, line_number)
          values (?, ?, ?, ?, ?, ?)""", adjustmentRows);
      if (!serviceLineRows.isEmpty()) {
        jdbc.batchUpdate("""
            insert into remittance_service_line (remittance_id, line_sequence, claim_line_number, line_control_number,
              procedure_code, charge, paid) values (?, ?, ?, ?, ?, ?, ?)""", serviceLineRows);
      }
      jdbc.batchUpdate("update claim set payer_claim_number = ? where id = ? and payer_claim_number is null", payerClaimNumbers);
      ledger.postAll(entries);
      eventRows.addAll(holdUntilAdjudicated(forTheirProcess, denials, earlierDecisions, now));
      jdbc.batchUpdate("insert into claim_event (id, claim_id, stage, outcome, detail, actor, at) values (?, ?, ?, ?, ?, ?, ?)",
          eventRows);
      // a denial already open from the claim's status (277 F2) takes its 835 over, in this transaction
      deniedClaims.forEach(events::publishEvent);
      files.recordProgress(fileId, items.get(items.size() - 1).sequence(), matched, unmatched, already);
    });
  }

  /**
   * A claim's process is woken once, when the claim is fully adjudicated: nothing is left with any
   * payer (a payer that paid some lines now and the rest in a later 835, a secondary after the
   * primary). A billing office neither bills the patient nor closes the claim while a payer still
   * owes part of it. Until then each decision is posted here and marked taken, and the claim keeps
   * waiting (with its payer-late follow-up); the decision that completes it is the one its process
   * takes, and a denial is taken at once (it goes to review whatever else is open).
   *
   * @return the claim events saying what is still open
   */
  private List<Object[]> holdUntilAdjudicated(Map<UUID, UUID> forTheirProcess, Set<UUID> denied, Set<UUID> earlierDecisions,
      Instant now) {
    if (forTheirProcess.isEmpty()) {
      return List.of();
    }
    Map<UUID, BigDecimal> open = matcher.insuranceBalances(forTheirProcess.keySet());
    List<Object[]> holds = new ArrayList<>();
    List<Object[]> earlier = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    for (var e : forTheirProcess.entrySet()) {
      BigDecimal balance = open.getOrDefault(e.getKey(), Money.ZERO);
      // only what payers still owe holds the claim; a credit balance (the payer paid more than was
      // billed) wakes it like a settled claim, so that closing raises it for a person to see
      if (balance.signum() > 0 && !denied.contains(e.getValue())) {
        holds.add(new Object[] {Timestamp.from(now), e.getValue()});
        events.add(new Object[] {UUID.randomUUID(), e.getKey(), "ADJUDICATION", "PARTIALLY_ADJUDICATED",
            "insurance balance " + balance + " still open with the payers; waiting for the rest", "system", Timestamp.from(now)});
      } else if (earlierDecisions.contains(e.getKey())) {
        // the claim's process takes this decision; decisions before it were posted here already
        earlier.add(new Object[] {Timestamp.from(now), e.getKey(), e.getValue()});
      }
    }
    if (!holds.isEmpty()) {
      jdbc.batchUpdate("update remittance_claim set correlated_at = ? where id = ?", holds);
    }
    if (!earlier.isEmpty()) {
      jdbc.batchUpdate("update remittance_claim set correlated_at = ? where claim_id = ? and id <> ? and correlated_at is null",
          earlier);
    }
    return events;
  }

  /** PLB items to the accounts finance mapped them to; then the file is posted, with its cycle time. */
  private void finish(UUID fileId, List<ProviderAdjustmentItem> plbs, AdjustmentAccounts.Mapping mapping, Instant receivedAt) {
    List<JournalEntry> entries = new ArrayList<>();
    int n = 0;
    for (ProviderAdjustmentItem p : plbs) {
      n++;
      RemittanceHeader h = p.header();
      List<JournalLine> lines = new ArrayList<>();
      for (ProviderAdjustment.Item item : p.adjustment().items()) {
        // a positive PLB amount reduces the payment (cash in is lower), a negative one adds to it
        BigDecimal cash = Money.of(item.amount().negate(), "PLB amount");
        if (cash.signum() == 0) {
          continue;
        }
        String source = "PLB-" + item.reasonCode();
        String memo = "PLB " + item.reasonCode() + (item.reference() == null ? "" : " " + truncate(item.reference(), 60));
        lines.add(JournalLine.signed(org.revcycle.ledger.Accounts.CASH_CLEARING, cash, memo, source));
        lines.add(JournalLine.signed(mapping.providerAdjustmentAccount(item.reasonCode()), cash.negate(), memo, source));
      }
      if (!lines.isEmpty()) {
        LocalDate date = h.paymentDate() != null ? h.paymentDate() : h.productionDate();
        entries.add(new JournalEntry(UUID.randomUUID(), date, "Provider adjustments " + h.traceNumber(), "PROVIDER_ADJUSTMENT",
            h.traceNumber() + "/PLB " + n, null, "system", "plb:" + fileId + ":" + n, lines, fileId, h.traceNumber(),
            RemittanceFiles.payerId(h)));
      }
    }
    ledger.postAll(entries);
    Instant now = clock.instant();
    files.markPosted(fileId, now, Duration.between(receivedAt, now).toMillis());
    inbound.markTaken(fileId, false, null);
  }

  /** Wakes the claims' encounter-to-cash instances that wait for these decisions (the sweeper retries the rest). */
  public int wakeClaims(UUID fileId) {
    int woken = 0;
    for (String pcn : files.awaitingWakeUp(fileId)) {
      if (workflow.notifyArrival(pcn)) {
        woken++;
      }
    }
    return woken;
  }

  static LocalDate serviceDate(ClaimPayment claim) {
    if (claim.statementFrom() != null) {
      return claim.statementFrom();
    }
    return claim.services().stream().map(ServicePayment::serviceFrom).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
