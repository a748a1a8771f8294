package org.revcycle.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The receivables ledger for finance: chart of accounts, trial balance, manual journal entries. */
@RestController
@RequestMapping("/api/ledger")
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
public class LedgerController {

  private final Ledger ledger;
  private final LedgerRepository repository;

  public LedgerController(Ledger ledger, LedgerRepository repository) {
    this.ledger = ledger;
    this.repository = repository;
  }

  @GetMapping("/accounts")
  public List<LedgerAccount> accounts() {
    return repository.accounts();
  }

  @GetMapping("/trial-balance")
  public TrialBalance trialBalance(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return ledger.trialBalance(asOf == null ? LocalDate.now() : asOf);
  }

  @GetMapping("/journal-entries/{id}")
  public JournalEntry entry(@PathVariable UUID id) {
    return repository.findEntry(id).orElseThrow(() -> ApiProblem.notFound("Journal entry", id));
  }

  /** A manual adjustment by finance; the Idempotency-Key header makes a retried request harmless. */
  @PostMapping("/journal-entries")
  @PreAuthorize("hasRole('FINANCE')")
  public ResponseEntity<JournalEntry> postManualEntry(
      @RequestHeader("Idempotency-Key") String idempotencyKey,
      @Valid @RequestBody ManualEntryRequest request,
      Principal principal) {
    JournalEntry entry =
        new JournalEntry(
            UUID.randomUUID(),
            request.entryDate(),
            request.description(),
            "MANUAL",
            request.reference(),
            null,
            principal.getName(),
            "manual:" + idempotencyKey,
            request.lines().stream()
                .map(l -> new JournalLine(l.accountCode(), l.debit(), l.credit(), l.memo()))
                .toList());
    Ledger.PostingResult result = ledger.post(entry);
    JournalEntry posted = repository.findEntry(result.entryId()).orElseThrow();
    URI location = URI.create("/api/ledger/journal-entries/" + result.entryId());
    return result.created() ? ResponseEntity.created(location).body(posted) : ResponseEntity.ok().location(location).body(posted);
  }

  public record ManualEntryRequest(
      @NotNull LocalDate entryDate,
      @NotBlank String description,
      @NotBlank String reference,
      @NotEmpty List<@Valid Line> lines) {

    public record Line(@NotBlank String accountCode, BigDecimal debit, BigDecimal credit, String memo) {}
  }
}
