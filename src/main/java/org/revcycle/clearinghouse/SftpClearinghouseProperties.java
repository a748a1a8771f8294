package org.revcycle.clearinghouse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the clearinghouse's SFTP mailbox is and how to log in. With no {@code host} the sandbox's
 * own SFTP server is used (default run and tests); setting host, port and credentials is all it
 * takes to use a real clearinghouse.
 *
 * @param privateKey path of an OpenSSH or PEM private key (instead of, or besides, the password)
 * @param serverKeyFingerprint the server's host key fingerprint (e.g. {@code SHA256:...}) to insist on; empty accepts any
 * @param outboundFolder where 837 batches go
 * @param inboundFolder where the clearinghouse leaves 999, 277CA and 835 files
 * @param archiveFolder where a taken-in file is moved, which tells the clearinghouse it was received
 * @param maxAttempts tries of one operation before the caller hears the clearinghouse is unavailable
 */
@ConfigurationProperties("revcycle.clearinghouse.sftp")
public record SftpClearinghouseProperties(
    @DefaultValue("") String host,
    @DefaultValue("22") int port,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("") String privateKey,
    @DefaultValue("") String privateKeyPassphrase,
    @DefaultValue("") String serverKeyFingerprint,
    @DefaultValue("outbound") String outboundFolder,
    @DefaultValue("inbound") String inboundFolder,
    @DefaultValue("archive") String archiveFolder,
    @DefaultValue("PT10S") Duration connectTimeout,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("PT0.5S") Duration initialBackoff,
    @DefaultValue("2.0") double backoffMultiplier,
    @DefaultValue("PT2S") Duration pollInterval) {

  public boolean sandbox() {
    return host == null || host.isBlank();
  }
}
