package org.revcycle.claim;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How claims are batched for the clearinghouse: every {@code interval} the claims waiting for each
 * payer go out, in files of at most {@code maxClaims}; a payer with {@code maxClaims} waiting does
 * not wait for the schedule. The ids go in the 837's ISA/GS and 1000A/1000B loops.
 *
 * @param usage T for test interchanges, P for production (ISA15)
 */
@ConfigurationProperties("revcycle.clearinghouse.batch")
public record ClaimBatchProperties(
    @DefaultValue("PT5S") Duration interval,
    @DefaultValue("100") int maxClaims,
    @DefaultValue("REVCYCLE") String submitterId,
    @DefaultValue("REVCYCLE HEALTH NETWORK") String submitterName,
    @DefaultValue("5555550100") String submitterPhone,
    @DefaultValue("CLEARINGHOUSE") String receiverId,
    @DefaultValue("CLEARINGHOUSE") String receiverName,
    @DefaultValue("T") char usage) {

  public ClaimBatchProperties {
    if (maxClaims < 1) {
      throw new IllegalArgumentException("revcycle.clearinghouse.batch.max-claims must be at least 1");
    }
  }
}
