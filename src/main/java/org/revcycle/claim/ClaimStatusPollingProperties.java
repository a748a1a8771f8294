package org.revcycle.claim;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a late remittance is chased: after the first 276 (revcycle.adjudication.payer-late-after), the
 * payer is asked again every {@code statusPollInterval} (or its own interval in
 * {@code statusPollIntervals}, by payer id) while the claim is pending, until
 * {@code escalateBeforeTimelyFiling} before the payer's timely filing limit (from the date of
 * service), when a person follows up.
 */
@ConfigurationProperties("revcycle.adjudication")
public record ClaimStatusPollingProperties(
    @DefaultValue("P7D") Duration statusPollInterval,
    Map<String, Duration> statusPollIntervals,
    @DefaultValue("P14D") Period escalateBeforeTimelyFiling) {

  public ClaimStatusPollingProperties {
    statusPollIntervals = statusPollIntervals == null ? Map.of() : Map.copyOf(statusPollIntervals);
  }

  public Duration interval(String payerId) {
    return payerId == null ? statusPollInterval : statusPollIntervals.getOrDefault(payerId, statusPollInterval);
  }
}
