package org.revcycle.remittance;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A claim's payers after its primary (secondary, tertiary), as registration knows them: posting
 * moves what each payer leaves to the patient on to the next payer's receivable.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING_SPECIALIST', 'INTEGRATION', 'FINANCE')")
public class CoordinationOfBenefitsController {

  private final OtherCoverages coverages;

  public CoordinationOfBenefitsController(OtherCoverages coverages) {
    this.coverages = coverages;
  }

  @GetMapping("/api/claims/{id}/other-coverage")
  public List<OtherCoverages.Coverage> otherCoverage(@PathVariable UUID id) {
    return coverages.of(id);
  }

  /** Secondary first, then tertiary; an empty list removes them. */
  @PutMapping("/api/claims/{id}/other-coverage")
  @PreAuthorize("hasAnyRole('ADMIN', 'BILLING_SPECIALIST', 'INTEGRATION')")
  public List<OtherCoverages.Coverage> replace(@PathVariable UUID id, @RequestBody List<OtherCoverages.Coverage> body,
      Authentication user) {
    return coverages.replace(id, body == null ? List.of() : body, user.getName());
  }
}
