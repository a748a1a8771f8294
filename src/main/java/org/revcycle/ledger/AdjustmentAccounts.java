package org.revcycle.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where remittance adjustments go in the ledger, as finance maintains it: payer (or payer class)
 * x CAS group x reason code to an adjustment account, and PLB reason to an account. A table with
 * an API rather than a DMN: finance changes it in the office without a deployment, every change
 * names who made it, targets are checked against the chart of accounts, and a posting reads one
 * snapshot per file instead of evaluating a decision per CAS line.
 *
 * <p>PR (patient responsibility) is not mapped: it always moves to the patient receivable.
 */
@Service
public class AdjustmentAccounts {

  static final Set<String> GROUPS = Set.of("CO", "OA", "PI", "CR");
  /** A CAS adjustment must land where the claim view counts adjustments: under these accounts. */
  static final Set<String> ADJUSTMENT_ROOTS =
      Set.of(Accounts.CONTRACTUAL_ALLOWANCES, Accounts.DENIAL_WRITE_OFFS, Accounts.ADMINISTRATIVE_ADJUSTMENTS);

  private final JdbcClient jdbc;
  private final LedgerRepository ledger;
  private final Clock clock;

  public AdjustmentAccounts(JdbcClient jdbc, LedgerRepository ledger, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** A rule; null payer, payer class or reason means "any". */
  public record Rule(UUID id, String payerId, String payerClass, String groupCode, String reasonCode, String accountCode,
      String changedBy) {

    String key() {
      return star(payerId) + "|" + star(payerClass) + "|" + groupCode + "|" + star(reasonCode);
    }

    private static String star(String s) {
      return s == null ? "*" : s;
    }
  }

  public record ProviderAdjustmentRule(String reasonCode, String accountCode, String changedBy) {}

  /** The rules as they stand: read once per file, so a file posts under one version of them. */
  public Mapping snapshot() {
    Map<String, String> byKey = new HashMap<>();
    rules().forEach(r -> byKey.put(r.key(), r.accountCode()));
    Map<String, String> plb = new HashMap<>();
    providerAdjustmentRules().forEach(r -> plb.put(r.reasonCode(), r.accountCode()));
    return new Mapping(Map.copyOf(byKey), Map.copyOf(plb));
  }

  /** Looks a CAS adjustment up, most specific rule first. */
  public record Mapping(Map<String, String> casRules, Map<String, String> plbRules) {

    public String accountFor(String payerId, String payerClass, String group, String reason) {
      String[] payers = {payerId, "*", "*"};
      String[] classes = {"*", payerClass, "*"};
      for (int i = 0; i < payers.length; i++) {
        if (payers[i] == null || classes[i] == null) {
          continue;
        }
        for (String r : new String[] {reason, "*"}) {
          String account = casRules.get(payers[i] + "|" + classes[i] + "|" + group + "|" + r);
          if (account != null) {
            return account;
          }
        }
      }
      // a group with no rule at all (the migration seeds one per group) stays visible as administrative
      return Accounts.ADMINISTRATIVE_ADJUSTMENTS;
    }

    /** An unknown PLB reason goes to unapplied cash, for a person to look at. */
    public String providerAdjustmentAccount(String reason) {
      return plbRules.getOrDefault(reason, Accounts.UNAPPLIED_CASH);
    }
  }

  public List<Rule> rules() {
    return jdbc.sql("""
        select id, payer_id, payer_class, group_code, reason_code, account_code, changed_by
        from adjustment_account_rule order by group_code, payer_id nulls first, payer_class nulls first, reason_code nulls first""")
        .query((rs, n) -> new Rule(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }

  public List<ProviderAdjustmentRule> providerAdjustmentRules() {
    return jdbc.sql("select reason_code, account_code, changed_by from provider_adjustment_account order by reason_code")
        .query((rs, n) -> new ProviderAdjustmentRule(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Adds the rule, or changes the account of the rule for the same combination. */
  @Transactional
  public Rule save(String payerId, String payerClass, String groupCode, String reasonCode, String accountCode, String user) {
    if (groupCode == null || !GROUPS.contains(groupCode)) {
      throw new InvalidInputException("groupCode", "must be one of CO, OA, PI, CR (PR always goes to the patient receivable)");
    }
    if (payerId != null && payerClass != null) {
      throw new InvalidInputException("payerClass", "give a payer or a payer class, not both");
    }
    if (payerClass != null && !Set.of("MEDICARE", "MEDICAID", "COMMERCIAL").contains(payerClass)) {
      throw new InvalidInputException("payerClass", "must be MEDICARE, MEDICAID or COMMERCIAL");
    }
    if (payerId != null && jdbc.sql("select count(*) from payer where id = ?").param(payerId).query(Integer.class).single() == 0) {
      throw new InvalidInputException("payerId", "payer " + payerId + " is not known");
    }
    if (reasonCode != null && !reasonCode.matches("[A-Z0-9]{1,5}")) {
      throw new InvalidInputException("reasonCode", "a CARC is 1 to 5 letters or digits");
    }
    requireAdjustmentAccount(accountCode);
    Rule rule = new Rule(UUID.randomUUID(), payerId, payerClass, groupCode, reasonCode, accountCode, user);
    int changed = jdbc.sql("update adjustment_account_rule set account_code = ?, changed_by = ?, changed_at = ? where rule_key = ?")
        .params(accountCode, user, Timestamp.from(clock.instant()), rule.key()).update();
    if (changed == 0) {
      jdbc.sql("""
          insert into adjustment_account_rule (id, payer_id, payer_class, group_code, reason_code, account_code, changed_by,
            changed_at, rule_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(rule.id(), payerId, payerClass, groupCode, reasonCode, accountCode, user, Timestamp.from(clock.instant()),
              rule.key())
          .update();
      return rule;
    }
    return rules().stream().filter(r -> r.key().equals(rule.key())).findFirst().orElseThrow();
  }

  /** Removes a rule; the catch-all rule of a group stays, so every adjustment has an account. */
  @Transactional
  public boolean delete(UUID id) {
    Rule rule = rules().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    if (rule == null) {
      return false;
    }
    if (rule.payerId() == null && rule.payerClass() == null && rule.reasonCode() == null) {
      throw new InvalidInputException("id", "the catch-all rule of group " + rule.groupCode() + " can be changed, not removed");
    }
    return jdbc.sql("delete from adjustment_account_rule where id = ?").param(id).update() == 1;
  }

  @Transactional
  public ProviderAdjustmentRule saveProviderAdjustment(String reasonCode, String accountCode, String user) {
    if (reasonCode == null || !reasonCode.matches("[A-Z0-9]{2,3}")) {
      throw new InvalidInputException("reasonCode", "a PLB reason is 2 or 3 letters or digits (L6, WO, FB, ...)");
    }
    if (accountCode == null || ledger.accounts().stream().noneMatch(a -> a.code().equals(accountCode))) {
      throw new InvalidInputException("accountCode", "account " + accountCode + " is not in the chart of accounts");
    }
    int changed = jdbc.sql("update provider_adjustment_account set account_code = ?, changed_by = ?, changed_at = ? where reason_code = ?")
        .params(accountCode, user, Timestamp.from(clock.instant()), reasonCode).update();
    if (changed == 0) {
      jdbc.sql("insert into provider_adjustment_account (reason_code, account_code, changed_by, changed_at) values (?, ?, ?, ?)")
          .params(reasonCode, accountCode, user, Timestamp.from(clock.instant())).update();
    }
    return new ProviderAdjustmentRule(reasonCode, accountCode, user);
  }

  private void requireAdjustmentAccount(String accountCode) {
    LedgerAccount account = ledger.accounts().stream().filter(a -> a.code().equals(accountCode)).findFirst()
        .orElseThrow(() -> new InvalidInputException("accountCode", "account " + accountCode + " is not in the chart of accounts"));
    if (!ADJUSTMENT_ROOTS.contains(account.rollsUpTo())) {
      throw new InvalidInputException("accountCode", "a CAS adjustment must go to 4110, 4120, 4130 or one of their sub-accounts, so that "
          + "every claim still reconciles; " + accountCode + " is not one");
    }
  }
}
