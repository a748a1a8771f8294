package org.revcycle.erp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * revcycle.erp.*: which ERP gateway books the journal ("ledger", the embedded default, or "rest")
 * and, for rest, where and how patiently.
 *
 * @param gateway ledger (embedded/sandbox ERP) or rest
 * @param rest the HTTP endpoint that takes journal batches as JSON
 */
@ConfigurationProperties("revcycle.erp")
public record ErpProperties(String gateway, Rest rest) {

  /**
   * @param endpoint URL journal batches are POSTed to
   * @param authorization value of the Authorization header (e.g. "Bearer ..."), from the environment
   * @param maxAttempts attempts per batch on a 5xx or a timeout, the first included
   * @param initialBackoff wait before the second attempt; each further wait is multiplied by backoffMultiplier
   */
  public record Rest(URI endpoint, String authorization, Duration connectTimeout, Duration readTimeout,
      int maxAttempts, Duration initialBackoff, double backoffMultiplier) {

    public Rest {
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
      maxAttempts = maxAttempts <= 0 ? 4 : maxAttempts;
      initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
      backoffMultiplier = backoffMultiplier < 1 ? 2.0 : backoffMultiplier;
    }
  }
}
