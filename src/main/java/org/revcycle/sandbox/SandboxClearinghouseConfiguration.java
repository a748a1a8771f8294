package org.revcycle.sandbox;

import java.time.Clock;
import org.revcycle.clearinghouse.SftpEndpoint;
import org.revcycle.x12.ControlNumbers;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sandbox clearinghouse: its SFTP server and the payers' side behind it. Only when the sandbox
 * is on and no real clearinghouse host is configured; revcycle's SFTP client then logs in here.
 */
@Configuration
@ConditionalOnExpression("${revcycle.sandbox.enabled:true} and '${revcycle.clearinghouse.sftp.host:}'.isEmpty()")
public class SandboxClearinghouseConfiguration {

  @Bean(initMethod = "start", destroyMethod = "close")
  SandboxSftpServer sandboxSftpServer(SandboxClearinghouseProperties properties) {
    return new SandboxSftpServer(properties);
  }

  @Bean
  SftpEndpoint sandboxSftpEndpoint(SandboxSftpServer server, SandboxClearinghouseProperties properties) {
    server.start(); // the port is known once it listens
    return new SftpEndpoint(properties.bindAddress(), server.port(), properties.username(), properties.password(),
        server.hostKeyFingerprint());
  }

  @Bean
  SandboxPayerClearinghouse sandboxPayerClearinghouse(SandboxSftpServer server, SandboxPayers payers,
      SandboxNetwork network, SandboxClaimStatuses statuses, SandboxRemittanceFiles remittanceFiles,
      SandboxProperties sandbox, SandboxClearinghouseProperties properties, ControlNumbers controlNumbers,
      JdbcClient jdbc, Clock clock) {
    return new SandboxPayerClearinghouse(server, payers, network, statuses, remittanceFiles, sandbox, properties,
        controlNumbers, jdbc, clock);
  }
}
