package org.revcycle.ledger;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.InvalidInputException;
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
  private final LedgerReports reports;
  private final JournalExportFile exportFile;

  public LedgerController(Ledger ledger, LedgerRepository repository, LedgerReports reports,
      JournalExportFile exportFile) {
    this.ledger = ledger;
    this.repository = repository;
    this.reports = reports;
    this.exportFile = exportFile;
  }

  /** The journal lines of a period as CSV, for ERPs that import files (columns: JournalExportFile.COLUMNS). */
  @GetMapping(value = "/export", produces = "text/csv")
  public void export(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      HttpServletResponse response) throws java.io.IOException {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "The period ends (" + to + ") before it starts (" + from + ").");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"journal-" + from + "-to-" + to + ".csv\"");
    exportFile.write(from, to, response.getWriter());
  }

  /** Balances at a date by account, claim, patient or payer; optionally one account (with its sub-accounts) or one key. */
  @GetMapping("/balances")
  public List<LedgerReports.Balance> balances(
      @RequestParam(defaultValue = "ACCOUNT") LedgerReports.Dimension by,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String key,
      @RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new InvalidInputException("limit", "must be 1 to 10000");
    }
    return reports.balances(by, asOf == null ? LocalDate.now() : asOf, account, key, limit);
  }

  /** Receivables roll-forward: opening + charges − payments − adjustments = closing, for any period. */
  @GetMapping("/receivables-roll-forward")
  public LedgerReports.RollForward rollForward(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return reports.receivablesRollForward(from, to);
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
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 120) {
      throw new InvalidInputException("Idempotency-Key", "must be 1 to 120 characters");
    }
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
            lines(request.lines()));
    Ledger.PostingResult result = ledger.post(entry);
    JournalEntry posted = repository.findEntry(result.entryId()).orElseThrow();
    URI location = URI.create("/api/ledger/journal-entries/" + result.entryId());
    return result.created() ? ResponseEntity.created(location).body(posted) : ResponseEntity.ok().location(location).body(posted);
  }

  private static List<JournalLine> lines(List<ManualEntryRequest.Line> lines) {
    List<JournalLine> result = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ManualEntryRequest.Line l = lines.get(i);
      try {
        result.add(new JournalLine(l.accountCode(), l.debit(), l.credit(), l.memo()));
      } catch (InvalidInputException e) {
        throw new InvalidInputException("lines[" + i + "]." + e.field(), e.detail());
      }
    }
    return result;
  }

  /** Sizes match the journal tables: a request that would not fit is refused, not truncated. */
  public record ManualEntryRequest(
      @NotNull LocalDate entryDate,
      @NotBlank @Size(max = 255) String description,
      @NotBlank @Size(max = 120) String reference,
      @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    public record Line(@NotBlank @Size(max = 16) String accountCode, BigDecimal debit, BigDecimal credit,
        @Size(max = 255) String memo) {}
  }
}
