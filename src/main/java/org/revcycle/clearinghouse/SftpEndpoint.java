package org.revcycle.clearinghouse;

/** An SFTP server to log in to with a password: how the sandbox's own server offers itself when no host is configured. */
public record SftpEndpoint(String host, int port, String username, String password) {

  @Override
  public String toString() {
    return "SftpEndpoint[" + host + ":" + port + ", " + username + "]";
  }
}
