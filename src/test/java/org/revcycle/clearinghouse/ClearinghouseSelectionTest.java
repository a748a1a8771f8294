package org.revcycle.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.revcycle.sandbox.SandboxClearinghouseConfiguration;
import org.revcycle.sandbox.SandboxSftpServer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A real clearinghouse is chosen by host, port and credentials alone; the sandbox's SFTP server then does not start. */
class ClearinghouseSelectionTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(SftpClearinghouseConfiguration.class, SandboxClearinghouseConfiguration.class);

  @Test
  void aConfiguredHostIsUsedAndTheSandboxServerIsNotStarted() {
    context.withPropertyValues("revcycle.clearinghouse.sftp.host=sftp.clearinghouse.example",
            "revcycle.clearinghouse.sftp.port=2022", "revcycle.clearinghouse.sftp.username=hospital",
            "revcycle.clearinghouse.sftp.password=secret")
        .run(c -> {
          assertThat(c).hasSingleBean(SftpClearinghouse.class);
          assertThat(c).doesNotHaveBean(SandboxSftpServer.class).doesNotHaveBean(SftpEndpoint.class);
        });
  }

  @Test
  void noHostAndNoSandboxIsAClearStartUpError() {
    context.withPropertyValues("revcycle.sandbox.enabled=false")
        .run(c -> assertThat(c).hasFailed().getFailure()
            .hasStackTraceContaining("revcycle.clearinghouse.sftp.host is not set and the sandbox is off"));
  }
}
