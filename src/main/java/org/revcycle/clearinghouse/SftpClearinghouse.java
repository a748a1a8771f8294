package org.revcycle.clearinghouse;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.revcycle.claim.ClearinghouseMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clearinghouse's batch mailbox over SFTP (Apache MINA SSHD client), with a password or a
 * private key. One session is kept open and opened again after a failure; each operation is
 * retried with exponential backoff before the caller hears that the clearinghouse is unavailable.
 * Uploads go to a temporary name and are renamed when complete, so the clearinghouse never picks
 * up half a file.
 */
public class SftpClearinghouse implements ClearinghouseMailbox, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SftpClearinghouse.class);
  static final String PARTIAL = ".part";

  private final SftpClearinghouseProperties properties;
  private final SftpEndpoint endpoint;
  private final RetryConfig retryConfig;
  private final SshClient client;
  private ClientSession session;
  private SftpClient sftp;
  private boolean archiveFolderChecked;

  public SftpClearinghouse(SftpClearinghouseProperties properties, SftpEndpoint endpoint) {
    this.properties = properties;
    this.endpoint = endpoint;
    this.retryConfig = RetryConfig.custom()
        .maxAttempts(Math.max(1, properties.maxAttempts()))
        .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.initialBackoff(), properties.backoffMultiplier()))
        .retryOnException(e -> e instanceof ClearinghouseUnavailableException)
        .build();
    this.client = SshClient.setUpDefaultClient();
    String fingerprint = endpoint.serverKeyFingerprint();
    if (fingerprint == null || fingerprint.isBlank()) {
      client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    } else {
      client.setServerKeyVerifier((s, address, key) -> fingerprint.equals(KeyUtils.getFingerPrint(key)));
    }
    if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
      FileKeyPairProvider keys = new FileKeyPairProvider(Path.of(properties.privateKey()));
      if (!properties.privateKeyPassphrase().isBlank()) {
        keys.setPasswordFinder(FilePasswordProvider.of(properties.privateKeyPassphrase()));
      }
      client.setKeyIdentityProvider(keys);
    }
    client.start();
  }

  @Override
  public void upload(String fileName, byte[] content) {
    String target = path(properties.outboundFolder(), fileName);
    String partial = target + PARTIAL;
    call("upload " + fileName, sftp -> {
      try (OutputStream out = sftp.write(partial)) {
        out.write(content);
      }
      if (exists(sftp, target)) {
        sftp.remove(partial); // a retry after the rename went through: the file is there already
      } else {
        sftp.rename(partial, target);
      }
      return null;
    });
  }

  @Override
  public List<String> inbound() {
    return call("list inbound", sftp -> {
      List<SftpClient.DirEntry> files = new ArrayList<>();
      for (SftpClient.DirEntry entry : sftp.readDir(properties.inboundFolder())) {
        if (entry.getAttributes().isRegularFile() && !entry.getFilename().endsWith(PARTIAL)
            && !entry.getFilename().startsWith(".")) {
          files.add(entry);
        }
      }
      files.sort(Comparator.<SftpClient.DirEntry, Instant>comparing(e -> e.getAttributes().getModifyTime() == null
          ? Instant.EPOCH : e.getAttributes().getModifyTime().toInstant()).thenComparing(SftpClient.DirEntry::getFilename));
      return files.stream().map(SftpClient.DirEntry::getFilename).toList();
    });
  }

  @Override
  public byte[] download(String fileName) {
    return call("download " + fileName, sftp -> {
      try (InputStream in = sftp.read(path(properties.inboundFolder(), fileName))) {
        return in.readAllBytes();
      }
    });
  }

  @Override
  public void archive(String fileName) {
    call("archive " + fileName, sftp -> {
      if (!archiveFolderChecked) {
        if (!exists(sftp, properties.archiveFolder())) {
          sftp.mkdir(properties.archiveFolder());
        }
        archiveFolderChecked = true;
      }
      String source = path(properties.inboundFolder(), fileName);
      if (!exists(sftp, source)) {
        return null; // archived already (a retry after the move went through)
      }
      String target = path(properties.archiveFolder(), fileName);
      if (exists(sftp, target)) {
        // the same name delivered again: keep both
        target = target + "." + System.currentTimeMillis();
      }
      sftp.rename(source, target);
      return null;
    });
  }

  private interface SftpCall<T> {
    T apply(SftpClient sftp) throws IOException;
  }

  private synchronized <T> T call(String what, SftpCall<T> call) {
    Retry retry = Retry.of("sftp", retryConfig);
    return retry.executeSupplier(() -> {
      try {
        return call.apply(sftp());
      } catch (SftpException e) {
        // the server answered: the session is fine, the operation was refused
        throw new ClearinghouseUnavailableException("SFTP " + what + " refused by " + endpoint + ": " + e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        disconnect();
        throw new ClearinghouseUnavailableException("SFTP " + what + " failed at " + endpoint + ": " + e.getMessage(), e);
      }
    });
  }

  private SftpClient sftp() throws IOException {
    if (sftp != null && sftp.isOpen() && session != null && session.isOpen()) {
      return sftp;
    }
    disconnect();
    ClientSession opened = client.connect(endpoint.username(), endpoint.host(), endpoint.port())
        .verify(properties.connectTimeout()).getSession();
    try {
      if (endpoint.password() != null && !endpoint.password().isEmpty()) {
        opened.addPasswordIdentity(endpoint.password());
      }
      opened.auth().verify(properties.connectTimeout());
      sftp = SftpClientFactory.instance().createSftpClient(opened);
      session = opened;
      log.info("Connected to the clearinghouse mailbox at {}", endpoint);
      return sftp;
    } catch (IOException | RuntimeException e) {
      opened.close(true);
      throw e;
    }
  }

  private void disconnect() {
    try {
      if (sftp != null) {
        sftp.close();
      }
    } catch (IOException | RuntimeException e) {
      // closing a broken session: nothing to save
    }
    if (session != null) {
      session.close(true);
    }
    sftp = null;
    session = null;
  }

  private static boolean exists(SftpClient sftp, String path) throws IOException {
    try {
      sftp.stat(path);
      return true;
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return false;
      }
      throw e;
    }
  }

  private static String path(String folder, String fileName) {
    return folder == null || folder.isBlank() ? fileName : folder + "/" + fileName;
  }

  @Override
  public synchronized void close() {
    disconnect();
    client.stop();
  }
}
