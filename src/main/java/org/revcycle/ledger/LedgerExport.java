package org.revcycle.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands journal entries to the ERP once, and remembers the ERP's reference for each. */
@Service
public class LedgerExport {

  private final JdbcClient jdbc;
  private final LedgerRepository ledger;
  private final GeneralLedger generalLedger;
  private final Clock clock;

  public LedgerExport(JdbcClient jdbc, LedgerRepository ledger, GeneralLedger generalLedger, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.generalLedger = generalLedger;
    this.clock = clock;
  }

  public record Exported(int entries, String reference) {}

  @Transactional
  public Exported exportClaim(UUID claimId) {
    List<UUID> ids = jdbc.sql("select id from journal_entry where claim_id = ? and exported_at is null order by posted_at, id")
        .param(claimId).query(UUID.class).list();
    if (ids.isEmpty()) {
      return new Exported(0, null);
    }
    List<JournalEntry> entries = ids.stream().map(id -> ledger.findEntry(id).orElseThrow()).toList();
    String reference = generalLedger.book(entries);
    for (UUID id : ids) {
      jdbc.sql("update journal_entry set exported_at = ?, erp_reference = ? where id = ?")
          .params(Timestamp.from(clock.instant()), reference, id).update();
    }
    return new Exported(ids.size(), reference);
  }
}
