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
    for (JournalEntry e : entries) {
      if (e.claimId() != null && e.lines().stream().anyMatch(l -> Accounts.AR_INSURANCE.equals(l.accountCode()))) {
        claimsOnControl.add(e.claimId());
      }
    }
    Map<UUID, String> payerClasses = claimsOnControl.isEmpty() ? Map.of() : repository.payerClasses(claimsOnControl);

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
      String receivable = entry.claimId() == null ? null : receivableByClass.get(payerClasses.get(entry.claimId()));
      JournalEntry routed = receivable == null ? entry : routeTo(entry, receivable);
      toInsert.put(entry.idempotencyKey(), routed);
      results.add(new PostingResult(entry.id(), true));
    }
    if (!toInsert.isEmpty()) {
      repository.insertAll(List.copyOf(toInsert.values()), clock.instant());
    }
    return results;
  }

  private static JournalEntry routeTo(JournalEntry e, String receivable) {
    List<JournalLine> lines = e.lines().stream()
        .map(l -> Accounts.AR_INSURANCE.equals(l.accountCode())
            ? new JournalLine(receivable, l.debit(), l.credit(), l.memo(), l.sourceCode()) : l)
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
