package org.revcycle.ledger;

import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.revcycle.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance's mapping of remittance adjustments to accounts: CAS (payer/class x group x reason) and PLB reasons. */
@RestController
@RequestMapping("/api/ledger")
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
public class AdjustmentAccountController {

  private final AdjustmentAccounts accounts;

  public AdjustmentAccountController(AdjustmentAccounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/adjustment-accounts")
  public List<AdjustmentAccounts.Rule> rules() {
    return accounts.rules();
  }

  /** Adds a rule, or changes the account of the rule with the same payer, class, group and reason. */
  @PutMapping("/adjustment-accounts")
  @PreAuthorize("hasRole('FINANCE')")
  public AdjustmentAccounts.Rule save(@RequestBody RuleRequest request, Principal user) {
    return accounts.save(blankToNull(request.payerId()), blankToNull(request.payerClass()), request.groupCode(),
        blankToNull(request.reasonCode()), request.accountCode(), user.getName());
  }

  @DeleteMapping("/adjustment-accounts/{id}")
  @PreAuthorize("hasRole('FINANCE')")
  public ResponseEntity<Void> delete(@PathVariable UUID id) {
    if (!accounts.delete(id)) {
      throw ApiProblem.notFound("Adjustment account rule", id);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/provider-adjustment-accounts")
  public List<AdjustmentAccounts.ProviderAdjustmentRule> providerAdjustmentRules() {
    return accounts.providerAdjustmentRules();
  }

  @PutMapping("/provider-adjustment-accounts/{reasonCode}")
  @PreAuthorize("hasRole('FINANCE')")
  public AdjustmentAccounts.ProviderAdjustmentRule saveProviderAdjustment(@PathVariable String reasonCode,
      @RequestBody ProviderAdjustmentRequest request, Principal user) {
    return accounts.saveProviderAdjustment(reasonCode, request.accountCode(), user.getName());
  }

  public record RuleRequest(String payerId, String payerClass, @NotBlank String groupCode, String reasonCode,
      @NotBlank String accountCode) {}

  public record ProviderAdjustmentRequest(@NotBlank String accountCode) {}

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
