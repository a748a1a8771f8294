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
 * <p>A secondary or tertiary payment after a primary ({@code followOn}) takes down what the patient
 * was left to pay instead: the prior payer's part (OA-23) is not posted again, and the remaining PR
 * is already on the patient receivable. A denial moves no money. A claim nobody matched puts the
 * payment into unapplied cash until a person applies it.
 */
final class RemittanceEntries {

  /** OA-23: the impact of prior payers' adjudication, on a secondary's 835. */
  static final String PRIOR_PAYER_IMPACT = "OA-23";

  private RemittanceEntries() {}

  /** The entry for a matched claim, or empty when nothing moves (a denial, all zero). */
  static Optional<JournalEntry> forClaim(UUID remittanceId, UUID claimId, ClaimAdjudication a, boolean followOn,
      String payerClass, AdjustmentAccounts.Mapping mapping, UUID fileId) {
    if (a.denied()) {
      return Optional.empty();
    }
    String clp = a.patientControlNumber() + (a.payerClaimNumber() == null || a.payerClaimNumber().isBlank() ? "" : "/" + a.payerClaimNumber());
    String receivable = followOn ? Accounts.AR_PATIENT : Accounts.AR_INSURANCE;
    Map<String, BigDecimal> bySource = new LinkedHashMap<>();
    Map<String, String> accountBySource = new LinkedHashMap<>();
    BigDecimal patient = Money.ZERO;
    for (ClaimAdjudication.Adjustment adj : a.adjustments()) {
      String source = adj.groupCode() + "-" + adj.reasonCode();
      if ("PR".equals(adj.groupCode())) {
        patient = patient.add(adj.amount());
        continue;
      }
      if (followOn && PRIOR_PAYER_IMPACT.equals(source)) {
        continue;
      }
      bySource.merge(source, adj.amount(), BigDecimal::add);
      accountBySource.put(source, mapping.accountFor(a.payerId(), payerClass, adj.groupCode(), adj.reasonCode()));
    }
    List<JournalLine> lines = new ArrayList<>();
    BigDecimal offReceivable = a.paid();
    add(lines, Accounts.CASH_CLEARING, a.paid(), "paid, CLP " + clp, "PAID");
    for (var e : bySource.entrySet()) {
      add(lines, accountBySource.get(e.getKey()), e.getValue(), "CAS " + e.getKey(), e.getKey());
      offReceivable = offReceivable.add(e.getValue());
    }
    if (!followOn) {
      add(lines, Accounts.AR_PATIENT, patient, "patient responsibility", "PR");
      offReceivable = offReceivable.add(patient);
    }
    add(lines, receivable, offReceivable.negate(), "CLP " + clp, "CLP");
    if (lines.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new JournalEntry(UUID.randomUUID(), a.paymentDate(),
        "Remittance " + a.traceNumber() + " for claim " + a.patientControlNumber(), "REMITTANCE",
        a.traceNumber() + "/" + clp, claimId, "system", key(remittanceId), lines, fileId, a.traceNumber(), a.payerId()));
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
    if (amount.signum() != 0) {
      lines.add(JournalLine.signed(account, Money.of(amount, "amount"), memo, source));
    }
  }
}
