package org.revcycle.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox clearinghouse's SFTP server (Apache MINA SSHD), rooted at a directory with the
 * folders a clearinghouse offers: outbound (837s in), inbound (999, 277CA, 835 out), archive.
 * It can be stopped and started again on the same port, as an outage would.
 */
public class SandboxSftpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SandboxSftpServer.class);

  private final Path root;
  private final SandboxClearinghouseProperties properties;
  private final SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider();
  private SshServer server;
  private int port;

  public SandboxSftpServer(SandboxClearinghouseProperties properties) {
    this.properties = properties;
    this.root = Path.of(properties.directory()).toAbsolutePath().normalize();
    this.port = properties.port();
    try {
      for (String folder : List.of("outbound", "inbound", "archive")) {
        Files.createDirectories(root.resolve(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the sandbox clearinghouse folders under " + root, e);
    }
  }

  public synchronized void start() {
    if (server != null && server.isStarted()) {
      return;
    }
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost(properties.bindAddress());
    sshd.setPort(port);
    sshd.setKeyPairProvider(hostKey);
    sshd.setPasswordAuthenticator((username, password, session) ->
        properties.username().equals(username) && properties.password().equals(password));
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    try {
      sshd.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Sandbox SFTP server could not listen on port " + port, e);
    }
    server = sshd;
    port = sshd.getPort(); // a free port was picked when 0 was configured: keep it for restarts
    log.info("Sandbox clearinghouse SFTP server on {}:{}, folder {}", properties.bindAddress(), port, root);
  }

  /** Stops listening and drops every session, as a clearinghouse outage would. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop(true);
      } catch (IOException e) {
        log.warn("Sandbox SFTP server did not stop cleanly", e);
      }
      server = null;
    }
  }

  public synchronized boolean running() {
    return server != null && server.isStarted();
  }

  public synchronized int port() {
    return port;
  }

  /** SHA256 fingerprint of the host key, which stays the same across restarts of this server. */
  public String hostKeyFingerprint() {
    return org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(hostKey.loadKeys(null).iterator().next().getPublic());
  }

  public Path root() {
    return root;
  }

  @Override
  public void close() {
    stop();
  }
}
