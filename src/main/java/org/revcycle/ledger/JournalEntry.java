package org.revcycle.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.InvalidInputException;

/**
 * A double-entry journal entry. It cannot be built unbalanced: debits equal credits, always.
 *
 * @param sourceType what produced it (CHARGE, REMITTANCE, MANUAL, ...)
 * @param sourceRef the source document's reference (claim number, 835 TRN/CLP, ...)
 * @param idempotencyKey the same key posts once; a second post returns the first entry
 * @param sourceFileId the inbound file (an 835) the entry comes from, if any
 * @param traceNumber the payment's TRN02 (check or EFT number), if any
 * @param payerId the payer whose document it is, if any (for balances by payer without a claim)
 */
public record JournalEntry(
    UUID id,
    LocalDate entryDate,
    String description,
    String sourceType,
    String sourceRef,
    UUID claimId,
    String postedBy,
    String idempotencyKey,
    List<JournalLine> lines,
    UUID sourceFileId,
    String traceNumber,
    String payerId) {

  /** An entry with no source document beyond its reference (charges, manual entries, write-offs). */
  public JournalEntry(UUID id, LocalDate entryDate, String description, String sourceType, String sourceRef,
      UUID claimId, String postedBy, String idempotencyKey, List<JournalLine> lines) {
    this(id, entryDate, description, sourceType, sourceRef, claimId, postedBy, idempotencyKey, lines, null, null, null);
  }

  public JournalEntry {
    if (entryDate == null) {
      throw new InvalidInputException("entryDate", "A journal entry needs an entry date.");
    }
    require(description, "description");
    require(sourceType, "sourceType");
    require(sourceRef, "sourceRef");
    require(postedBy, "postedBy");
    require(idempotencyKey, "idempotencyKey");
    lines = lines == null ? List.of() : List.copyOf(lines);
    if (lines.size() < 2) {
      throw new InvalidInputException("lines", "A journal entry needs at least one debit and one credit line.");
    }
    BigDecimal debits = lines.stream().map(JournalLine::debit).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal credits = lines.stream().map(JournalLine::credit).reduce(Money.ZERO, BigDecimal::add);
    if (debits.compareTo(credits) != 0) {
      throw new InvalidInputException(
          "lines", "The entry does not balance: debits " + debits + ", credits " + credits + ".");
    }
  }

  public BigDecimal total() {
    return lines.stream().map(JournalLine::debit).reduce(Money.ZERO, BigDecimal::add);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "A journal entry needs " + field + ".");
    }
  }
}
