package org.revcycle.claim.adjustment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Ledger;
import org.revcycle.platform.InvalidInputException;
import org.revcycle.workqueue.WorkQueueRouter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual adjustments of a claim's insurance receivable (a missed contractual, an administrative or
 * small-balance write-off). Below the approval threshold of decisions/work-queue-routing.dmn
 * (exception type ADJUSTMENT) it posts at once; at or above it, manual-adjustment.bpmn asks the
 * routed queue (finance) to approve, and nobody approves their own.
 */
@Service
public class ManualAdjustments {

  /** The queue whose members adjust without approval: the routing DMN names it below the threshold. */
  static final String SELF_SERVICE_QUEUE = "billing-specialists";
  static final String EXCEPTION_TYPE = "ADJUSTMENT";

  private final ClaimRepository claims;
  private final AdjustmentRepository receivables;
  private final Ledger ledger;
  private final WorkQueueRouter router;
  private final ManualAdjustmentWorkflow workflow;
  private final Clock clock;

  public ManualAdjustments(ClaimRepository claims, AdjustmentRepository receivables, Ledger ledger,
      WorkQueueRouter router, ManualAdjustmentWorkflow workflow, Clock clock) {
    this.claims = claims;
    this.receivables = receivables;
    this.ledger = ledger;
    this.router = router;
    this.workflow = workflow;
    this.clock = clock;
  }

  public record Request(BigDecimal amount, AdjustmentReason reason, String note) {}

  /** What became of a request: posted at once, or waiting for approval. */
  public sealed interface Outcome {
    UUID adjustmentId();
  }

  public record Posted(UUID adjustmentId, UUID journalEntryId, BigDecimal amount, String account) implements Outcome {}

  public record AwaitingApproval(UUID adjustmentId, String processInstanceId, String queue, BigDecimal amount)
      implements Outcome {}

  /** The same Idempotency-Key came with another request: refused, nothing done. */
  public static class IdempotencyKeyReused extends RuntimeException {
    private final String key;

    public IdempotencyKeyReused(String key, String message) {
      super(message);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** What a keyed request came to, and whether it is the stored answer of an earlier request with the same key. */
  public record Keyed(Outcome outcome, boolean replayed) {}

  /**
   * A request under an Idempotency-Key: the first one is acted on and its outcome stored with the
   * key in the same transaction; the same key with the same request answers the stored outcome and
   * does nothing; the same key with another request (claim, amount, reason or note) is refused.
   */
  @Transactional
  public Keyed request(UUID claimId, Request request, String requestedBy, String idempotencyKey) {
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 120) {
      throw new InvalidInputException("Idempotency-Key", "must be 1 to 120 characters");
    }
    String fingerprint = fingerprint(claimId, request);
    var earlier = receivables.findKeyed(idempotencyKey);
    if (earlier.isPresent()) {
      if (!earlier.get().fingerprint().equals(fingerprint)) {
        throw new IdempotencyKeyReused(idempotencyKey, "Idempotency-Key '" + idempotencyKey + "' was used for another"
            + " adjustment (" + earlier.get().fingerprint() + "); use a new key for a new request");
      }
      return new Keyed(earlier.get().outcome(), true);
    }
    Outcome outcome = request(claimId, request, requestedBy);
    receivables.saveKeyed(new AdjustmentRepository.KeyedRequest(idempotencyKey, claimId, fingerprint, outcome), requestedBy,
        clock.instant());
    return new Keyed(outcome, false);
  }

  /** What makes two requests the same one: claim, amount (by value), reason, note. */
  static String fingerprint(UUID claimId, Request request) {
    String amount = request.amount() == null ? "-" : request.amount().stripTrailingZeros().toPlainString();
    String note = request.note() == null ? "" : request.note();
    String print = "claim " + claimId + ", amount " + amount + ", reason " + request.reason() + ", note "
        + Integer.toHexString(note.hashCode()) + "/" + note.length();
    return print;
  }

  @Transactional
  public Outcome request(UUID claimId, Request request, String requestedBy) {
    String pcn = claims.patientControlNumber(claimId);
    BigDecimal amount = validAmount(claimId, request.amount());
    UUID adjustmentId = UUID.randomUUID();
    WorkQueueRouter.Route route = router.route(claimId, EXCEPTION_TYPE, amount);
    if (SELF_SERVICE_QUEUE.equals(route.queue())) {
      return post(claimId, adjustmentId, amount, request.reason(), request.note(), requestedBy, null);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ManualAdjustmentProcess.VAR_CLAIM_ID, claimId.toString());
    variables.put(ManualAdjustmentProcess.VAR_ADJUSTMENT_ID, adjustmentId.toString());
    variables.put(ManualAdjustmentProcess.VAR_AMOUNT, amount.toPlainString());
    variables.put(ManualAdjustmentProcess.VAR_REASON, request.reason().name());
    variables.put(ManualAdjustmentProcess.VAR_REASON_LABEL,
        request.reason().label() + " (account " + request.reason().account() + ")");
    variables.put(ManualAdjustmentProcess.VAR_NOTE, request.note());
    variables.put(ManualAdjustmentProcess.VAR_REQUESTED_BY, requestedBy);
    variables.put(ManualAdjustmentProcess.VAR_QUEUE, route.queue());
    variables.put(ManualAdjustmentProcess.VAR_PRIORITY, route.priority());
    variables.put(ManualAdjustmentProcess.VAR_DUE_DATE, route.due());
    String instance = workflow.startApproval(pcn, variables);
    claims.addEvent(claimId, EXCEPTION_TYPE, "APPROVAL_REQUESTED", request.reason().label() + " of " + amount
        + " to " + route.queue() + ": " + request.note(), requestedBy, clock.instant());
    return new AwaitingApproval(adjustmentId, instance, route.queue(), amount);
  }

  /**
   * Posts the adjustment: the adjustment account debited, the claim's insurance receivable credited
   * (one balanced entry; its idempotency key makes a retry post nothing twice).
   */
  @Transactional
  public Posted post(UUID claimId, UUID adjustmentId, BigDecimal amount, AdjustmentReason reason, String note,
      String requestedBy, String approvedBy) {
    String pcn = claims.patientControlNumber(claimId);
    AdjustmentRepository.OpenReceivable receivable = openReceivable(claimId, amount);
    String memo = reason.label() + (approvedBy == null ? "" : " (approved by " + approvedBy + ")");
    Ledger.PostingResult result = ledger.post(new JournalEntry(UUID.randomUUID(), LocalDate.now(clock),
        reason.label() + " on claim " + pcn, "MANUAL_ADJUSTMENT", pcn, claimId, requestedBy,
        "adjustment:" + adjustmentId,
        List.of(JournalLine.debit(reason.account(), amount, memo), JournalLine.credit(receivable.account(), amount, memo))));
    if (result.created()) {
      claims.addEvent(claimId, EXCEPTION_TYPE, "POSTED", reason.label() + " of " + amount + " to account "
          + reason.account() + (approvedBy == null ? "" : ", approved by " + approvedBy) + ": " + note,
          requestedBy, clock.instant());
    }
    return new Posted(adjustmentId, result.entryId(), amount, reason.account());
  }

  /** An approver sent the request back: nothing is posted; the claim's timeline says why. */
  public void refused(UUID claimId, BigDecimal amount, AdjustmentReason reason, String refusedBy, String note) {
    claims.addEvent(claimId, EXCEPTION_TYPE, "REFUSED", reason.label() + " of " + amount + " not approved"
        + (note == null ? "" : ": " + note), refusedBy == null ? "system" : refusedBy, clock.instant());
  }

  private BigDecimal validAmount(UUID claimId, BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      throw new InvalidInputException("amount", "must be a positive amount in USD, got " + amount);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException("amount", "has more than two decimals: " + amount.toPlainString());
    }
    BigDecimal scaled = amount.setScale(2);
    openReceivable(claimId, scaled);
    return scaled;
  }

  private AdjustmentRepository.OpenReceivable openReceivable(UUID claimId, BigDecimal amount) {
    AdjustmentRepository.OpenReceivable receivable = receivables.largestOpenInsuranceReceivable(claimId)
        .orElseThrow(() -> new InvalidInputException("amount", "claim " + claimId + " has no open insurance balance to adjust"));
    if (amount.compareTo(receivable.balance()) > 0) {
      throw new InvalidInputException("amount", amount.toPlainString() + " is more than the open insurance balance "
          + receivable.balance().toPlainString() + " (account " + receivable.account() + ")");
    }
    return receivable;
  }
}
