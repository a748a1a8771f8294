package org.revcycle.clearinghouse;

/**
 * An SFTP server to log in to with a password, and the fingerprint of its host key (empty: not
 * checked): how the sandbox's own server offers itself when no host is configured.
 */
public record SftpEndpoint(String host, int port, String username, String password, String serverKeyFingerprint) {

  @Override
  public String toString() {
    return "SftpEndpoint[" + host + ":" + port + ", " + username + "]";
  }
}
