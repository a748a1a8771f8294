package org.revcycle.coding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.revcycle.claim.ClaimRepository;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coder (or billing specialist) entered on the claim-edit form, applied to the claim before
 * the payer edits run again: diagnosis codes to add (837 HI) and a prior authorization number
 * (REF*G1). Checked first; a bad value is refused with the field named and nothing is changed.
 */
@Service
public class CodingCorrection {

  /** ICD-10-CM, as intake accepts it: letter (not U), digit, digit or letter, optional decimal part. */
  static final Pattern ICD10_CM = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
  static final Pattern AUTHORIZATION_NUMBER = Pattern.compile("[A-Za-z0-9-]{4,50}");
  /** An 837 claim carries at most 12 diagnosis codes (HI segments). */
  static final int MAX_DIAGNOSES = 12;

  private final JdbcClient jdbc;
  private final ClaimRepository claims;
  private final Clock clock;

  public CodingCorrection(JdbcClient jdbc, ClaimRepository claims, Clock clock) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.clock = clock;
  }

  /** Values from the form; either may be null or blank (the fix was made at the source). */
  public record Corrections(String diagnosisCodes, String priorAuthorizationNumber) {}

  @Transactional
  public void apply(UUID claimId, Corrections corrections, String user) {
    List<String> added = parseDiagnoses(corrections.diagnosisCodes());
    String authorization = blank(corrections.priorAuthorizationNumber()) ? null
        : corrections.priorAuthorizationNumber().trim();
    if (authorization != null && !AUTHORIZATION_NUMBER.matcher(authorization).matches()) {
      throw new InvalidInputException("priorAuthorizationNumber", "must be 4 to 50 letters, digits or hyphens");
    }
    List<String> present = claims.diagnoses(claimId);
    List<String> toAdd = added.stream().filter(code -> !present.contains(code)).toList();
    if (present.size() + toAdd.size() > MAX_DIAGNOSES) {
      throw new InvalidInputException("diagnosisCodes",
          "the claim would have " + (present.size() + toAdd.size()) + " diagnosis codes; at most " + MAX_DIAGNOSES);
    }
    Instant now = clock.instant();
    int sequence = present.size();
    for (String code : toAdd) {
      jdbc.sql("insert into claim_diagnosis (claim_id, sequence, code) values (?, ?, ?)")
          .params(claimId, ++sequence, code).update();
    }
    if (authorization != null) {
      jdbc.sql("update encounter set prior_authorization = ? where id = (select encounter_id from claim where id = ?)")
          .params(authorization, claimId).update();
    }
    if (!toAdd.isEmpty() || authorization != null) {
      List<String> what = new ArrayList<>();
      if (!toAdd.isEmpty()) {
        what.add("diagnoses added " + String.join(", ", toAdd));
      }
      if (authorization != null) {
        what.add("prior authorization recorded");
      }
      claims.addEvent(claimId, "CHARGE_REVIEW", "CORRECTED", String.join("; ", what), user == null ? "unknown" : user, now);
    }
  }

  /** "E11.9, I10" or one per line; upper-cased, duplicates dropped, order kept. */
  static List<String> parseDiagnoses(String text) {
    if (blank(text)) {
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    for (String token : Arrays.stream(text.split("[,;\\s]+")).filter(t -> !t.isBlank()).toList()) {
      String code = token.trim().toUpperCase();
      if (ICD10_CM.matcher(code).matches() && code.length() <= 8) {
        codes.add(code);
      } else {
        errors.add(new InvalidInputException.FieldError("diagnosisCodes", "'" + token + "' is not an ICD-10-CM code"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return List.copyOf(codes);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
