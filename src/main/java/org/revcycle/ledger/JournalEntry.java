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
    List<JournalLine> lines) {

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
