package org.revcycle.remittance.deposit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bank deposits for cash reconciliation: a BAI2 file from the bank, or one deposit as JSON. */
@RestController
@RequestMapping("/api/deposits")
public class DepositController {

  private final BankDeposits deposits;
  private final BankDepositRepository repository;

  public DepositController(BankDeposits deposits, BankDepositRepository repository) {
    this.deposits = deposits;
    this.repository = repository;
  }

  /** A BAI2 file as the body: every credit is taken, or (on any error, named by record and field) none. */
  @PostMapping(consumes = {"text/plain", "application/octet-stream", "application/x-bai2"})
  @PreAuthorize("hasAnyRole('FINANCE', 'INTEGRATION', 'ADMIN')")
  public ResponseEntity<BankDeposits.Imported> importBai2(@RequestBody byte[] file) {
    BankDeposits.Imported imported = deposits.importBai2(file);
    return imported.deposits().isEmpty() ? ResponseEntity.ok(imported) : ResponseEntity.status(201).body(imported);
  }

  /** One deposit; the same source and bank reference again answers 200 with the deposit already recorded. */
  @PostMapping(consumes = "application/json")
  @PreAuthorize("hasAnyRole('FINANCE', 'INTEGRATION', 'ADMIN')")
  public ResponseEntity<BankDeposits.Imported> record(@Valid @RequestBody DepositRequest request, Authentication user) {
    String source = request.source() == null || request.source().isBlank() ? "api:" + user.getName() : request.source();
    BankDeposits.Imported imported = deposits.record(source, request.bankReference(), request.depositDate(),
        request.amount(), request.traceNumber());
    return imported.alreadyKnown() > 0 ? ResponseEntity.ok(imported) : ResponseEntity.status(201).body(imported);
  }

  /** Deposits without a remittance, remittances without a deposit, and amount mismatches. */
  @GetMapping("/unreconciled")
  @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
  public BankDeposits.Unreconciled unreconciled() {
    return deposits.unreconciled();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
  public BankDepositRepository.Deposit deposit(@PathVariable UUID id) {
    return repository.find(id).orElseThrow(() -> ApiProblem.notFound("Deposit", id));
  }

  /** Sizes match bank_deposit: a request that would not fit is refused, not truncated. */
  public record DepositRequest(
      @Size(max = 64) String source,
      @NotBlank @Size(max = 64) String bankReference,
      @NotNull LocalDate depositDate,
      @NotNull BigDecimal amount,
      @Size(max = 50) String traceNumber) {}
}
