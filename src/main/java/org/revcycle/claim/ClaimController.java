package org.revcycle.claim;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.revcycle.ledger.LedgerRepository;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Claims for the billing office: where each stands, how it got there, and its money. */
@RestController
@RequestMapping("/api/claims")

@PreAuthorize("hasAnyRole('ADMIN', 'BILLING_SPECIALIST', 'CODER', 'SURGICAL_CODER', 'DENIAL_ANALYST', 'FINANCE', 'INTEGRATION')")
public class ClaimController {

  private final ClaimRepository claims;
  private final LedgerRepository ledger;
  private final ClaimVoids voids;

  public ClaimController(ClaimRepository claims, LedgerRepository ledger, ClaimVoids voids) {
    this.claims = claims;
    this.ledger = ledger;
    this.voids = voids;
  }

  /** Why a claim billed in error is voided (wrong patient, wrong payer, services not rendered). */
  public record VoidRequest(String reason) {}

  /**
   * Voids a claim the payer has adjudicated: it goes out as frequency 8 with the payer's claim
   * number and is VOIDED when the payer's reversal posts. 202: the void is on its way.
   */
  @PostMapping("/{id}/void")
  @PreAuthorize("hasAnyRole('ADMIN', 'BILLING_SPECIALIST')")
  public ResponseEntity<ClaimSummary> voidClaim(@PathVariable UUID id, @RequestBody(required = false) VoidRequest request,
      Authentication user) {
    claims.summary(id).orElseThrow(() -> ApiProblem.notFound("Claim", id));
    try {
      return ResponseEntity.accepted().body(voids.requestVoid(id, request == null ? null : request.reason(), user.getName()));
    } catch (ClaimVoids.NotVoidable e) {
      throw new ApiProblem(HttpStatus.CONFLICT, "Claim cannot be voided", e.getMessage());
    }
  }

  @GetMapping("/{id}")
  public ClaimView claim(@PathVariable UUID id) {
    ClaimSummary summary = claims.summary(id).orElseThrow(() -> ApiProblem.notFound("Claim", id));
    if (!ledger.postedByServiceLine(id)) {
      // every decision so far came at claim level: the claim's amounts say it all
      return new ClaimView(summary, claims.diagnoses(id), claims.lines(id), claims.events(id), claims.decisions(id),
          claims.edits(id), amounts(id));
    }
    // per line: the ledger's postings that name the line (its charge, the SVCs paying it); key 0 is claim level
    Map<Integer, LedgerRepository.ClaimLedger> byLine = ledger.claimLineLedgers(id);
    List<ClaimView.Line> lines = claims.lines(id).stream()
        .map(l -> l.withAmounts(ClaimAmounts.of(byLine.getOrDefault(l.lineNumber(), LedgerRepository.ClaimLedger.EMPTY))))
        .toList();
    return new ClaimView(summary, claims.diagnoses(id), lines, claims.events(id), claims.decisions(id),
        claims.edits(id), amounts(id), ClaimAmounts.of(byLine.getOrDefault(0, LedgerRepository.ClaimLedger.EMPTY)));
  }

  @GetMapping
  public List<ClaimSummary> list(
      @RequestParam(required = false) ClaimStatus status,
      @RequestParam(required = false) String payer,
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceTo,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
      @RequestParam(defaultValue = "0") @Min(0) int offset) {
    return claims.list(new ClaimRepository.Filter(status, payer, facility, serviceFrom, serviceTo), limit, offset);
  }

  ClaimAmounts amounts(UUID claimId) {
    return ClaimAmounts.of(ledger.claimLedger(claimId));
  }
}
