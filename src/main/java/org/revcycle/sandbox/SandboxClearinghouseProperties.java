package org.revcycle.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox clearinghouse: an SFTP server in this application, rooted at {@code directory}, and
 * the payers' side that answers what is dropped there. Started only when no real clearinghouse host
 * is configured.
 *
 * @param port 0 picks a free port
 * @param password empty: a random one, known only to this application's client
 * @param pollInterval how often the payers' side looks for new 837 batches
 * @param payersEnabled whether the payers' side answers at all (tests switch it off to act on files by hand)
 */
@ConfigurationProperties("revcycle.sandbox.clearinghouse")
public record SandboxClearinghouseProperties(
    @DefaultValue("./data/sandbox-clearinghouse") String directory,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("0") int port,
    @DefaultValue("revcycle") String username,
    @DefaultValue("") String password,
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("true") boolean payersEnabled) {

  public SandboxClearinghouseProperties {
    if (password == null || password.isBlank()) {
      password = java.util.UUID.randomUUID().toString();
    }
  }
}
