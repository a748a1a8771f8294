package org.revcycle.claim;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.InboundMessages;
import org.revcycle.remittance.RemittanceFiles;
import org.revcycle.x12.X12Exception;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgmentReader;
import org.revcycle.x12.acknowledgment.ClaimAcknowledgmentReport;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgmentReader;
import org.revcycle.x12.acknowledgment.FunctionalAcknowledgmentReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in what the clearinghouse leaves in the inbound folder: 999s and 277CAs for claim
 * submission, 835s for remittance intake. Each file is downloaded, kept with its SHA-256 before it
 * is acted on, acted on once (a file delivered twice is recognised by its hash), then archived on
 * the clearinghouse's side. While the clearinghouse cannot be reached the poller counts the failed
 * polls and tries again on the next one: the files wait where they are, nothing is lost.
 */
@Component
public class ClearinghouseInbox {

  private static final Logger log = LoggerFactory.getLogger(ClearinghouseInbox.class);
  static final String CHANNEL = "x12-clearinghouse";

  private final ClearinghouseMailbox mailbox;
  private final InboundMessages inbound;
  private final ClaimAcknowledgments acknowledgments;
  private final RemittanceFiles remittanceFiles;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private int failedPolls;

  public ClearinghouseInbox(ClearinghouseMailbox mailbox, InboundMessages inbound, ClaimAcknowledgments acknowledgments,
      @Lazy RemittanceFiles remittanceFiles, Clock clock, PlatformTransactionManager transactions) {
    this.mailbox = mailbox;
    this.inbound = inbound;
    this.acknowledgments = acknowledgments;
    this.remittanceFiles = remittanceFiles;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** What became of one inbound file. */
  public enum Outcome { ACKNOWLEDGMENT, CLAIM_ACKNOWLEDGMENT, REMITTANCE, DUPLICATE, REFUSED }

  @Scheduled(fixedDelayString = "${revcycle.clearinghouse.sftp.poll-interval:PT2S}",
      initialDelayString = "${revcycle.clearinghouse.sftp.poll-interval:PT2S}")
  public void poll() {
    try {
      takeAll();
      if (failedPolls > 0) {
        log.info("Clearinghouse mailbox reachable again after {} failed polls", failedPolls);
        failedPolls = 0;
      }
    } catch (ClearinghouseMailbox.ClearinghouseUnavailableException e) {
      failedPolls++;
      if (failedPolls == 1 || failedPolls % 30 == 0) {
        log.warn("Clearinghouse mailbox unreachable ({} failed polls in a row); files wait there until it is back: {}",
            failedPolls, e.getMessage());
      }
    }
  }

  /** Polls polled in a row that could not reach the mailbox (0 when the last one did). */
  public int failedPolls() {
    return failedPolls;
  }

  /** Takes every file waiting now, oldest first. */
  public synchronized int takeAll() {
    List<String> files = mailbox.inbound();
    for (String name : files) {
      try {
        take(name);
      } catch (ClearinghouseMailbox.ClearinghouseUnavailableException e) {
        throw e;
      } catch (ClaimAcknowledgments.NotYetExpected e) {
        log.info(e.getMessage());
      } catch (RuntimeException e) {
        // one file that cannot be acted on now must not hold up the others; it stays and is tried again
        log.error("Clearinghouse file {} could not be taken in; it stays in the inbound folder", name, e);
      }
    }
    return files.size();
  }

  Outcome take(String name) {
    byte[] file = mailbox.download(name);
    Outcome outcome = act(name, file);
    mailbox.archive(name);
    log.info("Clearinghouse file {} taken in: {}", name, outcome);
    return outcome;
  }

  private Outcome act(String name, byte[] file) {
    String kind = kind(file);
    if ("835".equals(kind)) {
      try {
        return remittanceFiles.receive(file, "clearinghouse " + name).duplicate() ? Outcome.DUPLICATE : Outcome.REMITTANCE;
      } catch (RemittanceFiles.RejectedFile e) {
        return Outcome.REFUSED; // kept in inbound_message with every problem, replayable once corrected
      }
    }
    String sha256 = ClaimBatches.sha256(file);
    if (inbound.findTaken(CHANNEL, sha256).isPresent()) {
      return Outcome.DUPLICATE;
    }
    // a file tried before (a 277CA that came before its 999) keeps its first record
    UUID id = inbound.findWaiting(CHANNEL, sha256)
        .orElseGet(() -> inbound.record(CHANNEL, sha256, new String(file, StandardCharsets.ISO_8859_1), clock.instant()));
    try {
      if ("999".equals(kind)) {
        FunctionalAcknowledgmentReport report = FunctionalAcknowledgmentReader.read(new ByteArrayInputStream(file));
        if (!report.isClean()) {
          inbound.markRefused(id, "999 file " + name + ": " + new X12Exception(report.problems()).getMessage());
          return Outcome.REFUSED;
        }
        transaction.executeWithoutResult(status -> {
          acknowledgments.functional(report, name);
          inbound.markTaken(id, false, sha256);
        });
        return Outcome.ACKNOWLEDGMENT;
      }
      if ("277CA".equals(kind)) {
        ClaimAcknowledgmentReport report = ClaimAcknowledgmentReader.read(new ByteArrayInputStream(file));
        if (!report.isClean()) {
          inbound.markRefused(id, "277CA file " + name + ": " + new X12Exception(report.problems()).getMessage());
          return Outcome.REFUSED;
        }
        transaction.executeWithoutResult(status -> {
          acknowledgments.claimAcknowledgments(report, name);
          inbound.markTaken(id, false, sha256);
        });
        return Outcome.CLAIM_ACKNOWLEDGMENT;
      }
      inbound.markRefused(id, "file " + name + " is not a 999, 277CA or 835 (found " + kind + ")");
      return Outcome.REFUSED;
    } catch (X12Exception e) {
      inbound.markRefused(id, "file " + name + ": " + e.getMessage());
      return Outcome.REFUSED;
    }
  }

  /** The set a file carries (ST01, and 277CA by its guide in GS08), from its ISA's own separators; "unknown" otherwise. */
  static String kind(byte[] file) {
    String text = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.ISO_8859_1).stripLeading();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.startsWith("ISA") || text.length() < 106) {
      return "unknown";
    }
    String element = String.valueOf(text.charAt(3));
    char terminator = text.charAt(105);
    String guide = "";
    for (String segment : text.split(java.util.regex.Pattern.quote(String.valueOf(terminator)))) {
      String[] elements = segment.strip().split(java.util.regex.Pattern.quote(element), -1);
      if (elements[0].equals("GS") && elements.length > 8) {
        guide = elements[8];
      } else if (elements[0].equals("ST") && elements.length > 1) {
        return "277".equals(elements[1]) && guide.startsWith("005010X214") ? "277CA" : elements[1];
      }
    }
    return "unknown";
  }
}
