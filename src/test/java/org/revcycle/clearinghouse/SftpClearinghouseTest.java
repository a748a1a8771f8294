package org.revcycle.clearinghouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.revcycle.claim.ClearinghouseMailbox.ClearinghouseUnavailableException;

/** The SFTP mailbox against a real MINA SSHD server on localhost: password and key logins, whole-file uploads, archiving. */
class SftpClearinghouseTest {

  @TempDir Path root;
  @TempDir Path keys;
  private SshServer server;
  private KeyPair clientKey;

  @BeforeEach
  void startServer() throws Exception {
    for (String folder : List.of("outbound", "inbound")) {
      Files.createDirectories(root.resolve(folder));
    }
    clientKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    server.setPasswordAuthenticator((user, password, session) -> "hospital".equals(user) && "secret".equals(password));
    server.setPublickeyAuthenticator((user, key, session) -> "hospital".equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.stop(true);
  }

  private SftpClearinghouseProperties properties(String password, String privateKey, int port) {
    return new SftpClearinghouseProperties("127.0.0.1", port, "hospital", password, privateKey, "", "", "outbound", "inbound",
        "archive", Duration.ofSeconds(2), 2, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1));
  }

  private SftpClearinghouse withPassword() {
    SftpClearinghouseProperties p = properties("secret", "", server.getPort());
    return new SftpClearinghouse(p, new SftpEndpoint(p.host(), p.port(), p.username(), p.password(), p.serverKeyFingerprint()));
  }

  @Test
  void uploadsWholeFilesAndTakesInboundFilesOldestFirstThenArchivesThem() throws Exception {
    try (SftpClearinghouse mailbox = withPassword()) {
      mailbox.upload("837P-CMA-1.x12", "ISA*00*...".getBytes(StandardCharsets.US_ASCII));
      mailbox.upload("837P-CMA-1.x12", "ISA*00*...".getBytes(StandardCharsets.US_ASCII)); // a retry: no harm

      assertThat(Files.readString(root.resolve("outbound/837P-CMA-1.x12"))).isEqualTo("ISA*00*...");
      try (var listing = Files.list(root.resolve("outbound"))) {
        assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("837P-CMA-1.x12");
      }

      Files.writeString(root.resolve("inbound/b-999.x12"), "second");
      Files.writeString(root.resolve("inbound/a-835.x12"), "third");
      Files.writeString(root.resolve("inbound/c-277.x12"), "first");
      Files.writeString(root.resolve("inbound/d-835.x12.part"), "half a file");
      Instant t = Instant.parse("2026-11-27T10:00:00Z");
      Files.setLastModifiedTime(root.resolve("inbound/c-277.x12"), FileTime.from(t));
      Files.setLastModifiedTime(root.resolve("inbound/b-999.x12"), FileTime.from(t.plusSeconds(1)));
      Files.setLastModifiedTime(root.resolve("inbound/a-835.x12"), FileTime.from(t.plusSeconds(2)));

      assertThat(mailbox.inbound()).containsExactly("c-277.x12", "b-999.x12", "a-835.x12");
      assertThat(new String(mailbox.download("b-999.x12"), StandardCharsets.US_ASCII)).isEqualTo("second");

      mailbox.archive("b-999.x12");
      mailbox.archive("b-999.x12"); // a retry after the move went through
      assertThat(root.resolve("inbound/b-999.x12")).doesNotExist();
      assertThat(Files.readString(root.resolve("archive/b-999.x12"))).isEqualTo("second");

      // the same name delivered again is archived beside the first, not over it
      Files.writeString(root.resolve("inbound/b-999.x12"), "again");
      mailbox.archive("b-999.x12");
      try (var archived = Files.list(root.resolve("archive"))) {
        assertThat(archived.map(p -> p.getFileName().toString()).toList()).hasSize(2).contains("b-999.x12");
      }
    }
  }

  @Test
  void logsInWithAPrivateKey() throws Exception {
    Path keyFile = keys.resolve("id_ecdsa");
    try (OutputStream out = Files.newOutputStream(keyFile)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "revcycle", null, out);
    }
    SftpClearinghouseProperties p = properties("", keyFile.toString(), server.getPort());
    try (SftpClearinghouse mailbox = new SftpClearinghouse(p,
        new SftpEndpoint(p.host(), p.port(), p.username(), p.password(), ""))) {
      mailbox.upload("837I-MCR-2.x12", new byte[] {'I', 'S', 'A'});
    }
    assertThat(root.resolve("outbound/837I-MCR-2.x12")).hasContent("ISA");
  }

  @Test
  void aWrongPasswordOrAnUnreachableServerIsUnavailableAfterTheRetries() throws Exception {
    SftpClearinghouseProperties wrong = properties("guess", "", server.getPort());
    try (SftpClearinghouse mailbox = new SftpClearinghouse(wrong,
        new SftpEndpoint(wrong.host(), wrong.port(), wrong.username(), wrong.password(), ""))) {
      assertThatThrownBy(mailbox::inbound).isInstanceOf(ClearinghouseUnavailableException.class)
          .hasMessageContaining("SFTP list inbound failed at SftpEndpoint[127.0.0.1:" + server.getPort());
    }
    int port = server.getPort();
    server.stop(true);
    try (SftpClearinghouse mailbox = withPasswordOn(port)) {
      assertThatThrownBy(() -> mailbox.upload("x.x12", new byte[1])).isInstanceOf(ClearinghouseUnavailableException.class)
          .hasMessageContaining("SFTP upload x.x12 failed");
    }
  }

  @Test
  void aServerWithAnotherHostKeyThanConfiguredIsRefused() {
    SftpClearinghouseProperties p = properties("secret", "", server.getPort());
    try (SftpClearinghouse mailbox = new SftpClearinghouse(p,
        new SftpEndpoint(p.host(), p.port(), p.username(), p.password(), "SHA256:not-this-server"))) {
      assertThatThrownBy(mailbox::inbound).isInstanceOf(ClearinghouseUnavailableException.class);
    }
  }

  private SftpClearinghouse withPasswordOn(int port) {
    SftpClearinghouseProperties p = properties("secret", "", port);
    return new SftpClearinghouse(p, new SftpEndpoint(p.host(), p.port(), p.username(), p.password(), ""));
  }
}
