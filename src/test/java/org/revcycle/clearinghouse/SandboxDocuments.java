package org.revcycle.clearinghouse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.revcycle.eligibility.EligibilityVerification;
import org.revcycle.x12.CountingControlNumbers;

/** Real X12 documents for the real-time tests, written by revcycle's own writers. */
final class SandboxDocuments {

  private SandboxDocuments() {}

  /** The 270 the registration check would send for a subscriber of this payer. */
  static byte[] eligibilityInquiry(String payerId, String memberId) {
    AtomicReference<byte[]> sent = new AtomicReference<>();
    new EligibilityVerification((payer, inquiry) -> {
      sent.set(inquiry);
      return null;
    }, new CountingControlNumbers(1), Clock.systemUTC()).verify(new EligibilityVerification.Request(payerId,
        "Lakeshore Mutual Health Plan", memberId,
        new EligibilityVerification.Person("Testperson", "Alex", LocalDate.of(1961, 5, 14), "F"), null,
        "Kestrel Valley Family Medicine Dublin", "1234567893", "311234567", LocalDate.now().minusDays(2)));
    return sent.get();
  }
}
