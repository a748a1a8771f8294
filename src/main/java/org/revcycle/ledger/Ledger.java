package org.revcycle.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
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
    Optional<UUID> existing = repository.findEntryIdByIdempotencyKey(entry.idempotencyKey());
    if (existing.isPresent()) {
      return new PostingResult(existing.get(), false);
    }
    java.util.Set<String> known = repository.existingAccounts(
        entry.lines().stream().map(JournalLine::accountCode).collect(java.util.stream.Collectors.toSet()));
    for (int i = 0; i < entry.lines().size(); i++) {
      String code = entry.lines().get(i).accountCode();
      if (!known.contains(code)) {
        throw new InvalidInputException("lines[" + i + "].accountCode", "Account " + code + " is not in the chart of accounts.");
      }
    }
    repository.insert(entry, clock.instant());
    return new PostingResult(entry.id(), true);
  }

  @Transactional(readOnly = true)
  public TrialBalance trialBalance(LocalDate asOf) {
    return TrialBalance.of(asOf, repository.trialBalanceRows(asOf));
  }

  public record PostingResult(UUID entryId, boolean created) {}
}
