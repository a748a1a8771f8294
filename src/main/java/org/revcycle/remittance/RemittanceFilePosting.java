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

  public RemittanceFilePosting(RemittanceFileRepository files, ClaimMatcher matcher, Ledger ledger,
      AdjustmentAccounts adjustmentAccounts, InboundMessages inbound, JdbcTemplate jdbc, RemittancePostingProbe probe,
      RemittanceWorkflow workflow, Clock clock, PlatformTransactionManager transactions,
      @Value("${revcycle.remittance.posting-chunk-size:250}") int chunkSize, ApplicationEventPublisher events) {
    this.events = events;
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
          });
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
      List<Object[]> remittanceRows = new ArrayList<>();
      List<Object[]> adjustmentRows = new ArrayList<>();
      List<Object[]> eventRows = new ArrayList<>();
      List<Object[]> payerClaimNumbers = new ArrayList<>();
      List<JournalEntry> entries = new ArrayList<>();
      int matched = 0;
      int unmatched = 0;
      int already = 0;
      for (Item item : items) {
        ClaimAdjudication a = RemittanceFiles.adjudication(item.header(), item.claim());
        if (taken.contains(ClaimMatcher.sameKey(a.payerId(), a.traceNumber(), a.patientControlNumber(),
            a.payerClaimNumber(), a.statusCode(), a.charge(), a.paid()))) {
          already++;
          probe.claimTaken(fileId, item.sequence());
          continue;
        }
        ClaimMatcher.MatchedClaim claim = byPcn.get(a.patientControlNumber());
        if (claim == null) {
          claim = matcher.byPayerClaimNumber(a.payerClaimNumber())
              .or(() -> matcher.byPatientAndServiceDate(item.claim().patientId(), serviceDate(item.claim()), a.payerId()))
              .orElse(null);
        }
        UUID remittanceId = UUID.randomUUID();
        boolean followOn = claim != null && claim.primaryPosted() && ("2".equals(a.statusCode()) || "3".equals(a.statusCode()));
        // the claim's own process takes a decision only while it waits for one; later ones are posted here alone
        boolean forItsProcess = claim != null && (!claim.primaryPosted() || "SUBMITTED".equals(claim.status())
            || "ACCEPTED".equals(claim.status()));
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
        int lineNumber = 0;
        for (ServicePayment line : item.claim().services()) {
          lineNumber++;
          for (var adj : line.adjustments()) {
            adjustmentRows.add(new Object[] {remittanceId, adjustmentSeq++, adj.group(), adj.reason(), adj.amount(), lineNumber});
          }
        }
        if (claim == null) {
          unmatched++;
          RemittanceEntries.unapplied(remittanceId, a, fileId).ifPresent(entries::add);
        } else {
          matched++;
          RemittanceEntries.forClaim(remittanceId, claim.id(), a, followOn, claim.payerClass(), mapping, fileId)
              .ifPresent(entries::add);
          eventRows.add(new Object[] {UUID.randomUUID(), claim.id(), "ADJUDICATION", a.denied() ? "DENIED" : "ADJUDICATED",
              truncate("CLP02 " + a.statusCode() + ", payer claim " + a.payerClaimNumber() + ", paid " + a.paid()
                  + ", trace " + a.traceNumber() + (followOn ? ", after a primary payment" : ""), 500),
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
      jdbc.batchUpdate("insert into claim_event (id, claim_id, stage, outcome, detail, actor, at) values (?, ?, ?, ?, ?, ?, ?)",
          eventRows);
      jdbc.batchUpdate("update claim set payer_claim_number = ? where id = ? and payer_claim_number is null", payerClaimNumbers);
      ledger.postAll(entries);
      files.recordProgress(fileId, items.get(items.size() - 1).sequence(), matched, unmatched, already);
    });
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
