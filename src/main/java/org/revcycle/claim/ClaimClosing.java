package org.revcycle.claim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.LedgerExport;
import org.revcycle.ledger.LedgerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of encounter to cash: the payer side is settled. The claim is closed when nothing is
 * owed; a patient balance stays open on the patient's account (statements and payments).
 */
@Service
public class ClaimClosing {

  private final ClaimRepository claims;
  private final LedgerRepository ledger;
  private final LedgerExport export;
  private final Clock clock;

  public ClaimClosing(ClaimRepository claims, LedgerRepository ledger, LedgerExport export, Clock clock) {
    this.claims = claims;
    this.ledger = ledger;
    this.export = export;
    this.clock = clock;
  }

  @Transactional
  public ClaimStatus close(UUID claimId) {
    LedgerRepository.ClaimLedger postings = ledger.claimLedger(claimId);
    BigDecimal insurance = postings.net(Accounts.AR_INSURANCE);
    BigDecimal patient = postings.net(Accounts.AR_PATIENT);
    ClaimStatus current = claims.summary(claimId).orElseThrow().status();
    ClaimStatus next;
    if (insurance.signum() == 0 && patient.signum() == 0) {
      next = current == ClaimStatus.WRITTEN_OFF ? ClaimStatus.WRITTEN_OFF : ClaimStatus.CLOSED;
    } else if (insurance.signum() == 0) {
      next = ClaimStatus.PATIENT_BILLED;
    } else {
      throw new IllegalStateException("Claim " + claimId + " still has an insurance balance of " + insurance);
    }
    Instant now = clock.instant();
    claims.updateStatus(claimId, next, now);
    claims.addEvent(claimId, "CLOSE", next.name(), "insurance balance " + insurance + ", patient balance " + patient,
        "system", now);
    return next;
  }

  /** The last step of every path: the claim's journal entries (charges, postings, write-offs) to the ERP. */
  @Transactional
  public void exportToErp(UUID claimId) {
    LedgerExport.Exported exported = export.exportClaim(claimId);
    if (exported.entries() > 0) {
      claims.addEvent(claimId, "ERP", "EXPORTED", exported.entries() + " journal entries, ERP batch "
          + exported.reference(), "system", clock.instant());
    }
  }
}
