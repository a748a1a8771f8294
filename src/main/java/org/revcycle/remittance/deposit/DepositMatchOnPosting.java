package org.revcycle.remittance.deposit;

import org.revcycle.remittance.RemittanceFilePosted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deposit often reaches the bank file before the payer's 835 reaches us: when an 835 posts, the
 * deposits waiting with its trace number are matched, and their "Reconcile deposit" task closes.
 */
@Component
public class DepositMatchOnPosting {

  private static final Logger log = LoggerFactory.getLogger(DepositMatchOnPosting.class);

  private final BankDeposits deposits;

  public DepositMatchOnPosting(BankDeposits deposits) {
    this.deposits = deposits;
  }

  @EventListener
  public void filePosted(RemittanceFilePosted posted) {
    try {
      deposits.matchWaitingDeposits(posted.fileId());
    } catch (RuntimeException e) {
      // the posting stands; finance still has the task and can match again by hand
      log.warn("Matching deposits to 835 file {} failed", posted.fileId(), e);
    }
  }
}
