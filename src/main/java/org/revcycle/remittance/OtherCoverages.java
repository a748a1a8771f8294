package org.revcycle.remittance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payers after a claim's own (coordination of benefits): the secondary, then the tertiary. What
 * the primary leaves to the patient moves to the secondary's receivable when the primary's 835
 * posts, and so on down the line; the patient is billed only for what the last payer leaves.
 */
@Repository
public class OtherCoverages {

  private final JdbcClient jdbc;
  private final Clock clock;

  public OtherCoverages(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A payer after the primary, with its member id (never logged). */
  public record Coverage(String payerId, String memberId) {}

  /** The secondary and tertiary payer ids of each claim, in order (claims without any are left out). */
  public Map<UUID, List<String>> payersAfterPrimary(Collection<UUID> claimIds) {
    Map<UUID, List<String>> found = new HashMap<>();
    if (claimIds.isEmpty()) {
      return found;
    }
    List<UUID> all = List.copyOf(claimIds);
    for (int i = 0; i < all.size(); i += 500) {
      jdbc.sql("select claim_id, payer_id from claim_coverage where claim_id in (:ids) order by claim_id, payer_rank")
          .param("ids", all.subList(i, Math.min(all.size(), i + 500)))
          .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
          .list().forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    }
    return found;
  }

  public List<String> payersAfterPrimary(UUID claimId) {
    return payersAfterPrimary(List.of(claimId)).getOrDefault(claimId, List.of());
  }

  public List<Coverage> of(UUID claimId) {
    return jdbc.sql("select payer_id, member_id from claim_coverage where claim_id = ? order by payer_rank").param(claimId)
        .query((rs, n) -> new Coverage(rs.getString(1), rs.getString(2))).list();
  }

  /**
   * Replaces the claim's other coverage: secondary first, then tertiary. Each payer must be known,
   * not the claim's own, and listed once. Applies to decisions posted from now on.
   */
  @Transactional
  public List<Coverage> replace(UUID claimId, List<Coverage> coverages, String user) {
    String primary = jdbc.sql("select payer_id from claim where id = ?").param(claimId).query(String.class).optional()
        .orElseThrow(() -> org.revcycle.platform.web.ApiProblem.notFound("Claim", claimId));
    List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
    if (coverages.size() > 2) {
      errors.add(new InvalidInputException.FieldError("coverages", "at most two payers after the primary: a secondary and a tertiary"));
    }
    if (primary == null) {
      errors.add(new InvalidInputException.FieldError("claim", "a self-pay claim has no payer to coordinate with"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < coverages.size(); i++) {
      String payer = coverages.get(i).payerId();
      String field = "coverages[" + i + "].payerId";
      if (payer == null || payer.isBlank()) {
        errors.add(new InvalidInputException.FieldError(field, "a payer id is required"));
      } else if (jdbc.sql("select count(*) from payer where id = ?").param(payer).query(Integer.class).single() == 0) {
        errors.add(new InvalidInputException.FieldError(field, "payer " + payer + " is not known"));
      } else if (payer.equals(primary)) {
        errors.add(new InvalidInputException.FieldError(field, "payer " + payer + " is the claim's primary payer"));
      } else if (!seen.add(payer)) {
        errors.add(new InvalidInputException.FieldError(field, "payer " + payer + " is listed twice"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    jdbc.sql("delete from claim_coverage where claim_id = ?").param(claimId).update();
    for (int i = 0; i < coverages.size(); i++) {
      jdbc.sql("""
          insert into claim_coverage (claim_id, payer_rank, payer_id, member_id, changed_by, changed_at)
          values (?, ?, ?, ?, ?, ?)""")
          .params(claimId, i + 2, coverages.get(i).payerId(), coverages.get(i).memberId(), user, Timestamp.from(clock.instant()))
          .update();
    }
    return of(claimId);
  }
}
