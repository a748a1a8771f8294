package org.revcycle.ledger;

import java.util.List;

/**
 * The ERP's general ledger, the financial system of record. Implementations must accept the same
 * entry twice without booking it twice (entries carry their id).
 */
public interface GeneralLedger {

  /** Books the entries as one batch; returns the ERP's reference of the batch. */
  String book(List<JournalEntry> entries);
}
