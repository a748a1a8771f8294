package org.revcycle.clearinghouse;

import org.revcycle.claim.ClearinghouseMailbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clearinghouse mailbox over SFTP: the configured host, or, with none, the sandbox's own SFTP
 * server (which offers its {@link SftpEndpoint}).
 */
@Configuration
@EnableConfigurationProperties(SftpClearinghouseProperties.class)
public class SftpClearinghouseConfiguration {

  @Bean(destroyMethod = "close")
  SftpClearinghouse sftpClearinghouse(SftpClearinghouseProperties properties, ObjectProvider<SftpEndpoint> sandbox) {
    SftpEndpoint endpoint;
    if (properties.sandbox()) {
      endpoint = sandbox.getIfAvailable();
      if (endpoint == null) {
        throw new IllegalStateException("revcycle.clearinghouse.sftp.host is not set and the sandbox is off: "
            + "set the clearinghouse's host, port, username and password (or private-key)");
      }
    } else {
      endpoint = new SftpEndpoint(properties.host(), properties.port(), properties.username(), properties.password(),
          properties.serverKeyFingerprint());
    }
    return new SftpClearinghouse(properties, endpoint);
  }
}
