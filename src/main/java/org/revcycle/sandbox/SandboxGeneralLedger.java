package org.revcycle.sandbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.revcycle.ledger.GeneralLedger;
import org.revcycle.ledger.JournalEntry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** An ERP that books journal batches in memory, each entry once: the embedded "ledger" gateway, the default. */
@Component
@ConditionalOnProperty(name = "revcycle.erp.gateway", havingValue = "ledger", matchIfMissing = true)
public class SandboxGeneralLedger implements GeneralLedger {

  private final Map<UUID, String> booked = new ConcurrentHashMap<>();
  private final AtomicLong batches = new AtomicLong();

  @Override
  public String book(List<JournalEntry> entries) {
    for (JournalEntry entry : entries) {
      if (entry.lines().isEmpty()) {
        throw new IllegalArgumentException("ERP refuses an entry without lines: " + entry.id());
      }
    }
    String reference = "ERP-" + batches.incrementAndGet();
    entries.forEach(e -> booked.putIfAbsent(e.id(), reference));
    return reference;
  }
}
