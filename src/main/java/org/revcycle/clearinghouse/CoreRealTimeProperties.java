package org.revcycle.clearinghouse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * revcycle.clearinghouse.realtime.*: where and how revcycle reaches the clearinghouse's real-time
 * service (CAQH CORE envelope over HTTP) for eligibility (270/271) and claim status (276/277).
 *
 * @param baseUrl the CORE endpoint; empty: the sandbox clearinghouse inside this application
 *     (/sandbox/clearinghouse/core on this server's port)
 * @param auth none, basic (username, password) or bearer (token)
 * @param senderId CORE SenderID: revcycle's submitter id at the clearinghouse
 * @param receiverId CORE ReceiverID when the payer's id is not to be used (empty: the payer id)
 * @param maxAttempts attempts per document on a timeout, a connection failure or a 5xx, the first included
 * @param initialBackoff wait before the second attempt; each further wait is multiplied by backoffMultiplier
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param minimumCalls calls the circuit breaker needs in its window before it judges
 * @param slidingWindow calls the failure rate is measured over
 * @param openFor how long an open circuit answers at once without calling
 */
@ConfigurationProperties("revcycle.clearinghouse.realtime")
public record CoreRealTimeProperties(
    @DefaultValue("") String baseUrl,
    @DefaultValue("basic") Auth auth,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("") String token,
    @DefaultValue("REVCYCLE") String senderId,
    @DefaultValue("") String receiverId,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT20S") Duration readTimeout,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("PT1S") Duration initialBackoff,
    @DefaultValue("2.0") double backoffMultiplier,
    @DefaultValue("50") float failureRateThreshold,
    @DefaultValue("10") int minimumCalls,
    @DefaultValue("20") int slidingWindow,
    @DefaultValue("PT30S") Duration openFor) {

  public enum Auth {
    NONE,
    BASIC,
    BEARER
  }

  public CoreRealTimeProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("revcycle.clearinghouse.realtime.max-attempts must be at least 1");
    }
  }

  /** The sandbox clearinghouse's path on this application's own server. */
  public static final String SANDBOX_PATH = "/sandbox/clearinghouse/core";
}
