package org.revcycle.claim;

import java.util.List;

/**
 * The clearinghouse's batch mailbox, as claim submission needs it: 837 batches go out to its
 * outbound folder; 999, 277CA and 835 files come back in its inbound folder and are taken one by
 * one, then acknowledged by moving them to the archive folder. Implementations: SFTP
 * (clearinghouse/SftpClearinghouse), against a real clearinghouse or the sandbox's own SFTP server.
 * Every method throws {@link ClearinghouseUnavailableException} when the mailbox cannot be reached.
 */
public interface ClearinghouseMailbox {

  /** Puts a whole file in the outbound folder: the other side never sees half of it. The same file again replaces nothing. */
  void upload(String fileName, byte[] content);

  /** The files waiting in the inbound folder, oldest first. */
  List<String> inbound();

  byte[] download(String fileName);

  /** Moves an inbound file that has been taken in to the archive folder, so that it is not offered again. */
  void archive(String fileName);

  /** The mailbox could not be reached or refused the operation; worth trying again later. */
  class ClearinghouseUnavailableException extends RuntimeException {
    public ClearinghouseUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
