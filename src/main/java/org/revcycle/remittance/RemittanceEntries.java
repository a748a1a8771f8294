package org.revcycle.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.revcycle.ledger.AdjustmentAccounts;
import org.revcycle.ledger.Accounts;
import org.revcycle.ledger.JournalEntry;
import org.revcycle.ledger.JournalLine;
import org.revcycle.ledger.Money;

/**
 * The journal entry a payer's decision on one claim makes, with its source (file, TRN, CLP, CAS):
 * the payment to cash clearing, each CAS group-reason to the account finance mapped it to, patient
 * responsibility to the patient receivable, all against the insurance receivable. Amounts go on
 * the side their sign calls for, so a reversal (CLP02 22) undoes what was posted and still balances.
 *
 * <p>When the claim has a secondary (and tertiary) payer, what the primary leaves to the patient moves
 * to the secondary's own receivable instead, and the secondary's decision takes that receivable
 * down (its own PR going on to the tertiary, or the patient). A secondary or tertiary payment from a
 * payer the claim does not list takes down what the patient was left to pay: the prior payer's part
 * (OA-23) is never posted again. A denial moves no money. A claim nobody matched puts the
 * payment into unapplied cash until a person applies it.
 */
final class RemittanceEntries {

  /** OA-23: the impact of prior payers' adjudication, on a secondary's 835. */
  static final String PRIOR_PAYER_IMPACT = "OA-23";

  private RemittanceEntries() {}

  /**
   * Whose receivables a decision moves (coordination of benefits).
   *
   * @param creditPayer the payer whose receivable the decision takes down; null for the claim's own payer
   * @param creditPatient a follow-on payment from a payer the claim does not list: it takes down the
   *     patient's share directly (the patient's part is already on the patient receivable)
   * @param patientSharePayer the next payer, who takes over what this one leaves to the patient; null:
   *     the patient
   * @param followOn a secondary or tertiary decision: the prior payers' part (OA-23) is not posted again
   */
  record Receivables(String creditPayer, boolean creditPatient, String patientSharePayer, boolean followOn) {

    /**
     * @param payersAfterPrimary the claim's secondary and tertiary payers, in order
     */
    static Receivables of(boolean followOn, String decisionPayer, List<String> payersAfterPrimary) {
      return of(followOn, null, decisionPayer, payersAfterPrimary);
    }

    /**
     * @param statusCode CLP02: a reversal (22) from a secondary or tertiary the claim lists undoes that
     *     payer's decision on that payer's own receivable
     */
    static Receivables of(boolean followOn, String statusCode, String decisionPayer, List<String> payersAfterPrimary) {
      if ("22".equals(statusCode) && payersAfterPrimary.contains(decisionPayer)) {
        followOn = true;
      }
      if (!followOn) {
        return new Receivables(null, false, payersAfterPrimary.isEmpty() ? null : payersAfterPrimary.get(0), false);
      }
      int rank = payersAfterPrimary.indexOf(decisionPayer);
      if (rank < 0) {
        return new Receivables(null, true, null, true);
      }
      return new Receivables(decisionPayer, false,
          rank + 1 < payersAfterPrimary.size() ? payersAfterPrimary.get(rank + 1) : null, true);
    }
  }

  /** {@link #forClaim(UUID, UUID, ClaimAdjudication, Receivables, String, AdjustmentAccounts.Mapping, UUID)} with no other payer on the claim. */
  static Optional<JournalEntry> forClaim(UUID remittanceId, UUID claimId, ClaimAdjudication a, boolean followOn,
      String payerClass, AdjustmentAccounts.Mapping mapping, UUID fileId) {
    return forClaim(remittanceId, claimId, a, Receivables.of(followOn, a.payerId(), List.of()), payerClass, mapping, fileId);
  }

  /**
   * The entry for a matched claim, or empty when nothing moves (a denial, all zero). Each SVC posts
   * its own lines (payment, CAS, patient share, receivable) against the claim line it pays, with
   * its reference; what the CLP carries beyond its SVCs (claim-level CAS, or everything when there
   * is no SVC) posts at claim level. Every part balances on its own, so the entry balances per line.
   */
  static Optional<JournalEntry> forClaim(UUID remittanceId, UUID claimId, ClaimAdjudication a, Receivables receivables,
      String payerClass, AdjustmentAccounts.Mapping mapping, UUID fileId) {
    if (a.denied()) {
      return Optional.empty();
    }
    String clp = a.patientControlNumber() + (a.payerClaimNumber() == null || a.payerClaimNumber().isBlank() ? "" : "/" + a.payerClaimNumber());
    List<JournalLine> lines = new ArrayList<>();
    BigDecimal linesPaid = Money.ZERO;
    for (ClaimAdjudication.ServiceLine svc : a.lines()) {
      linesPaid = linesPaid.add(svc.paid());
      String memo = svc.reference() + (svc.claimLineNumber() == null ? ", no claim line fits" : ", claim line " + svc.claimLineNumber());
      part(lines, a, svc.paid(), svc.adjustments(), receivables, payerClass, mapping, memo, svc.claimLineNumber(),
          svc.reference());
    }
    part(lines, a, a.paid().subtract(linesPaid), a.claimLevelAdjustments(), receivables, payerClass, mapping, "CLP " + clp,
        null, null);
    if (lines.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new JournalEntry(UUID.randomUUID(), a.paymentDate(),
        "Remittance " + a.traceNumber() + " for claim " + a.patientControlNumber(), "REMITTANCE",
        a.traceNumber() + "/" + clp, claimId, "system", key(remittanceId), lines, fileId, a.traceNumber(), a.payerId()));
  }

  /** One balanced part of a claim's entry: a service line's, or the claim level's. */
  private static void part(List<JournalLine> lines, ClaimAdjudication a, BigDecimal paid,
      List<ClaimAdjudication.Adjustment> adjustments, Receivables receivables, String payerClass,
      AdjustmentAccounts.Mapping mapping, String memo, Integer claimLine, String serviceRef) {
    Map<String, BigDecimal> bySource = new LinkedHashMap<>();
    Map<String, String> accountBySource = new LinkedHashMap<>();
    BigDecimal patient = Money.ZERO;
    for (ClaimAdjudication.Adjustment adj : adjustments) {
      String source = adj.groupCode() + "-" + adj.reasonCode();
      if ("PR".equals(adj.groupCode())) {
        patient = patient.add(adj.amount());
        continue;
      }
      if (receivables.followOn() && PRIOR_PAYER_IMPACT.equals(source)) {
        continue;
      }
      bySource.merge(source, adj.amount(), BigDecimal::add);
      accountBySource.put(source, mapping.accountFor(a.payerId(), payerClass, adj.groupCode(), adj.reasonCode()));
    }
    BigDecimal offReceivable = paid;
    add(lines, Accounts.CASH_CLEARING, paid, "paid, " + memo, "PAID", claimLine, serviceRef, null);
    for (var e : bySource.entrySet()) {
      add(lines, accountBySource.get(e.getKey()), e.getValue(), "CAS " + e.getKey() + ", " + memo, e.getKey(), claimLine,
          serviceRef, null);
      offReceivable = offReceivable.add(e.getValue());
    }
    if (!receivables.creditPatient()) {
      if (receivables.patientSharePayer() != null) {
        add(lines, Accounts.AR_INSURANCE, patient, "patient share to payer " + receivables.patientSharePayer() + ", " + memo,
            "PR", claimLine, serviceRef, receivables.patientSharePayer());
      } else {
        add(lines, Accounts.AR_PATIENT, patient, "patient responsibility, " + memo, "PR", claimLine, serviceRef, null);
      }
      offReceivable = offReceivable.add(patient);
    }
    add(lines, receivables.creditPatient() ? Accounts.AR_PATIENT : Accounts.AR_INSURANCE, offReceivable.negate(), memo, "CLP",
        claimLine, serviceRef, receivables.creditPayer());
  }

  /** A payment for a claim nobody matched: cash in, held as unapplied cash. */
  static Optional<JournalEntry> unapplied(UUID remittanceId, ClaimAdjudication a, UUID fileId) {
    if (a.paid().signum() == 0) {
      return Optional.empty();
    }
    List<JournalLine> lines = new ArrayList<>();
    add(lines, Accounts.CASH_CLEARING, a.paid(), "paid, unmatched CLP " + a.patientControlNumber(), "PAID");
    add(lines, Accounts.UNAPPLIED_CASH, a.paid().negate(), "unmatched CLP " + a.patientControlNumber(), "CLP");
    return Optional.of(new JournalEntry(UUID.randomUUID(), a.paymentDate(),
        "Unmatched remittance " + a.traceNumber() + " CLP " + a.patientControlNumber(), "REMITTANCE_UNAPPLIED",
        a.traceNumber() + "/" + a.patientControlNumber(), null, "system", "unapplied:" + remittanceId, lines, fileId,
        a.traceNumber(), a.payerId()));
  }

  /** Moves an unmatched payment out of unapplied cash, once, when a person applies it to a claim. */
  static Optional<JournalEntry> release(UUID remittanceId, ClaimAdjudication a, String user) {
    if (a.paid().signum() == 0) {
      return Optional.empty();
    }
    List<JournalLine> lines = new ArrayList<>();
    add(lines, Accounts.UNAPPLIED_CASH, a.paid(), "applied to a claim", "CLP");
    add(lines, Accounts.CASH_CLEARING, a.paid().negate(), "applied to a claim", "PAID");
    return Optional.of(new JournalEntry(UUID.randomUUID(), a.paymentDate(),
        "Unapplied remittance " + a.traceNumber() + " applied", "REMITTANCE_APPLIED",
        a.traceNumber() + "/" + a.patientControlNumber(), null, user, "applied:" + remittanceId, lines, null,
        a.traceNumber(), a.payerId()));
  }

  /** The idempotency key of a remittance's posting: whoever posts it first, it posts once. */
  static String key(UUID remittanceId) {
    return "remit:" + remittanceId;
  }

  private static void add(List<JournalLine> lines, String account, BigDecimal amount, String memo, String source) {
    add(lines, account, amount, memo, source, null, null, null);
  }

  private static void add(List<JournalLine> lines, String account, BigDecimal amount, String memo, String source,
      Integer claimLine, String serviceRef, String payerId) {
    if (amount.signum() != 0) {
      lines.add(JournalLine.signed(account, Money.of(amount, "amount"), memo.length() <= 255 ? memo : memo.substring(0, 255),
          source, claimLine, serviceRef, payerId));
    }
  }
}
