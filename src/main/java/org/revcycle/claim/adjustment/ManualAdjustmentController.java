package org.revcycle.claim.adjustment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/claims/{id}/adjustments: a manual adjustment of the claim's insurance balance. 201 with
 * the journal entry when it posts at once; 202 with the approval instance when it needs approval.
 */
@RestController
public class ManualAdjustmentController {

  private final ManualAdjustments adjustments;
  private final ClaimRepository claims;

  public ManualAdjustmentController(ManualAdjustments adjustments, ClaimRepository claims) {
    this.adjustments = adjustments;
    this.claims = claims;
  }

  /** Sizes match what the timeline and journal keep: a longer note is refused, not cut. */
  public record AdjustmentRequest(@NotNull BigDecimal amount, @NotNull AdjustmentReason reason,
      @NotBlank @Size(max = 300) String note) {}

  // the body is the outcome's own record (declared as ?, so JSON shows all of its fields)
  @PostMapping("/api/claims/{claimId}/adjustments")
  @PreAuthorize("hasAnyRole('BILLING_SPECIALIST', 'DENIAL_ANALYST', 'FINANCE', 'ADMIN')")
  public ResponseEntity<?> request(@PathVariable UUID claimId,
      @Valid @RequestBody AdjustmentRequest request, Principal principal,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    claims.summary(claimId).orElseThrow(() -> ApiProblem.notFound("Claim", claimId));
    ManualAdjustments.Request asked = new ManualAdjustments.Request(request.amount(), request.reason(), request.note());
    ManualAdjustments.Outcome outcome;
    if (idempotencyKey == null) {
      outcome = adjustments.request(claimId, asked, principal.getName());
    } else {
      ManualAdjustments.Keyed keyed;
      try {
        keyed = adjustments.request(claimId, asked, principal.getName(), idempotencyKey);
      } catch (ManualAdjustments.IdempotencyKeyReused e) {
        throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
      }
      if (keyed.replayed()) {
        // the same request again: the same adjustment, nothing new started or posted
        return ResponseEntity.ok(keyed.outcome());
      }
      outcome = keyed.outcome();
    }
    if (outcome instanceof ManualAdjustments.Posted posted) {
      return ResponseEntity.created(URI.create("/api/ledger/journal-entries/" + posted.journalEntryId())).body(posted);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(outcome);
  }
}
