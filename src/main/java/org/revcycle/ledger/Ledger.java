package org.revcycle.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.revcycle.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Posts balanced journal entries exactly once and reports on them. */
@Service
public class Ledger {

  private final LedgerRepository repository;
  private final Clock clock;

  public Ledger(LedgerRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Posts the entry in one transaction with all its lines. An entry whose idempotency key was
   * posted before is not posted again: the first entry's id is returned.
   */
  @Transactional
  public PostingResult post(JournalEntry entry) {
    return postAll(List.of(entry)).get(0);
  }

  /**
   * Posts many entries in one transaction and two JDBC batches (remittance files post thousands).
   * Each entry is posted once by its idempotency key; lines for a claim to the insurance control
   * account land in the sub-account of the claim's payer class.
   */
  @Transactional
  public List<PostingResult> postAll(List<JournalEntry> entries) {
    Map<String, UUID> existing = repository.existingKeys(entries.stream().map(JournalEntry::idempotencyKey).toList());
    Map<String, LedgerAccount> chart = repository.accounts().stream()
        .collect(Collectors.toMap(LedgerAccount::code, Function.identity()));
    Map<String, String> receivableByClass = chart.values().stream()
        .filter(a -> Accounts.AR_INSURANCE.equals(a.parentCode()) && a.payerClass() != null)
        .collect(Collectors.toMap(LedgerAccount::payerClass, LedgerAccount::code));
    Set<UUID> claimsOnControl = new HashSet<>();
    Set<String> payersOnControl = new HashSet<>();
    for (JournalEntry e : entries) {
      for (JournalLine l : e.lines()) {
        if (Accounts.AR_INSURANCE.equals(l.accountCode())) {
          if (l.payerId() != null) {
            payersOnControl.add(l.payerId());
          } else if (e.claimId() != null) {
            claimsOnControl.add(e.claimId());
          }
        }
      }
    }
    Map<UUID, String> payerClasses = claimsOnControl.isEmpty() ? Map.of() : repository.payerClasses(claimsOnControl);
    Map<String, String> classOfPayer = payersOnControl.isEmpty() ? Map.of() : repository.payerClassesOfPayers(payersOnControl);

    List<PostingResult> results = new ArrayList<>();
    Map<String, JournalEntry> toInsert = new LinkedHashMap<>();
    for (JournalEntry entry : entries) {
      UUID earlier = existing.get(entry.idempotencyKey());
      if (earlier == null && toInsert.containsKey(entry.idempotencyKey())) {
        earlier = toInsert.get(entry.idempotencyKey()).id();
      }
      if (earlier != null) {
        results.add(new PostingResult(earlier, false));
        continue;
      }
      for (int i = 0; i < entry.lines().size(); i++) {
        String code = entry.lines().get(i).accountCode();
        if (!chart.containsKey(code)) {
          throw new InvalidInputException("lines[" + i + "].accountCode", "Account " + code + " is not in the chart of accounts.");
        }
      }
      String claimReceivable = entry.claimId() == null ? null : receivableByClass.get(payerClasses.get(entry.claimId()));
      JournalEntry routed = routeTo(entry, claimReceivable, payer -> receivableByClass.get(classOfPayer.get(payer)));
      toInsert.put(entry.idempotencyKey(), routed);
      results.add(new PostingResult(entry.id(), true));
    }
    if (!toInsert.isEmpty()) {
      repository.insertAll(List.copyOf(toInsert.values()), clock.instant());
    }
    return results;
  }

  /**
   * Lines to the insurance control account go to the sub-account of their payer's class: the line's
   * own payer (a secondary or tertiary in coordination of benefits) or else the claim's payer.
   */
  private static JournalEntry routeTo(JournalEntry e, String claimReceivable, Function<String, String> payerReceivable) {
    boolean onControl = e.lines().stream().anyMatch(l -> Accounts.AR_INSURANCE.equals(l.accountCode()));
    if (!onControl) {
      return e;
    }
    List<JournalLine> lines = e.lines().stream()
        .map(l -> {
          if (!Accounts.AR_INSURANCE.equals(l.accountCode())) {
            return l;
          }
          String receivable = l.payerId() != null ? payerReceivable.apply(l.payerId()) : claimReceivable;
          return receivable == null ? l : l.onAccount(receivable);
        })
        .toList();
    return new JournalEntry(e.id(), e.entryDate(), e.description(), e.sourceType(), e.sourceRef(), e.claimId(),
        e.postedBy(), e.idempotencyKey(), lines, e.sourceFileId(), e.traceNumber(), e.payerId());
  }

  @Transactional(readOnly = true)
  public TrialBalance trialBalance(LocalDate asOf) {
    return TrialBalance.of(asOf, repository.trialBalanceRows(asOf));
  }

  public record PostingResult(UUID entryId, boolean created) {}
}
