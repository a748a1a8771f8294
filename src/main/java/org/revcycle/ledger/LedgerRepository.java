package org.revcycle.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Journal entries and the chart of accounts, on spring-jdbc. */
@Repository
public class LedgerRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  public LedgerRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  public List<LedgerAccount> accounts() {
    return jdbc.sql("select code, name, account_type, parent_code, payer_class from ledger_account order by code")
        .query((rs, n) -> new LedgerAccount(rs.getString(1), rs.getString(2), AccountType.valueOf(rs.getString(3)),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  public Optional<UUID> findEntryIdByIdempotencyKey(String key) {
    return jdbc.sql("select id from journal_entry where idempotency_key = ?").param(key).query(UUID.class).optional();
  }

  /** Which of the keys were posted before, with their entries' ids. */
  Map<String, UUID> existingKeys(Collection<String> keys) {
    Map<String, UUID> found = new HashMap<>();
    List<String> all = List.copyOf(keys);
    for (int i = 0; i < all.size(); i += 500) {
      jdbc.sql("select idempotency_key, id from journal_entry where idempotency_key in (:keys)")
          .param("keys", all.subList(i, Math.min(all.size(), i + 500)))
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
          .list().forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  /** The payer class of each claim that has a payer (self-pay claims have none). */
  Map<UUID, String> payerClasses(Collection<UUID> claimIds) {
    Map<UUID, String> found = new HashMap<>();
    List<UUID> all = List.copyOf(claimIds);
    for (int i = 0; i < all.size(); i += 500) {
      jdbc.sql("select c.id, p.payer_class from claim c join payer p on p.id = c.payer_id where c.id in (:ids)")
          .param("ids", all.subList(i, Math.min(all.size(), i + 500)))
          .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
          .list().forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  /** The payer class of each known payer. */
  Map<String, String> payerClassesOfPayers(Collection<String> payerIds) {
    Map<String, String> found = new HashMap<>();
    jdbc.sql("select id, payer_class from payer where id in (:ids)").param("ids", payerIds)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().forEach(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }

  void insert(JournalEntry entry, Instant postedAt) {
    insertAll(List.of(entry), postedAt);
  }

  /** All entries and their lines in two JDBC batches (the caller's transaction). */
  void insertAll(List<JournalEntry> entries, Instant postedAt) {
    Timestamp at = Timestamp.from(postedAt);
    jdbcTemplate.batchUpdate(
        """
        insert into journal_entry
          (id, entry_date, posted_at, description, source_type, source_ref, claim_id, posted_by, idempotency_key,
           source_file_id, trace_number, payer_id)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        entries.stream().map(e -> new Object[] {e.id(), e.entryDate(), at, e.description(), e.sourceType(), e.sourceRef(),
            e.claimId(), e.postedBy(), e.idempotencyKey(), e.sourceFileId(), e.traceNumber(), e.payerId()}).toList());
    List<Object[]> lines = new ArrayList<>();
    for (JournalEntry e : entries) {
      int lineNumber = 1;
      for (JournalLine l : e.lines()) {
        lines.add(new Object[] {e.id(), lineNumber++, l.accountCode(), l.debit(), l.credit(), l.memo(), l.sourceCode(),
            l.claimLineNumber(), l.serviceRef(), l.payerId()});
      }
    }
    jdbcTemplate.batchUpdate("""
        insert into journal_line (entry_id, line_number, account_code, debit, credit, memo, source_code, claim_line_number,
          service_ref, payer_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        lines);
  }

  public Optional<JournalEntry> findEntry(UUID id) {
    List<JournalLine> lines =
        jdbc.sql(
                """
                select account_code, debit, credit, memo, source_code, claim_line_number, service_ref, payer_id
                from journal_line where entry_id = ? order by line_number""")
            .param(id)
            .query((rs, n) -> new JournalLine(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, Integer.class), rs.getString(7), rs.getString(8)))
            .list();
    return jdbc.sql(
            """
            select id, entry_date, description, source_type, source_ref, claim_id, posted_by, idempotency_key,
              source_file_id, trace_number, payer_id
            from journal_entry where id = ?""")
        .param(id)
        .query(
            (rs, n) ->
                new JournalEntry(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, UUID.class),
                    rs.getString(7),
                    rs.getString(8),
                    lines,
                    rs.getObject(9, UUID.class),
                    rs.getString(10),
                    rs.getString(11)))
        .optional();
  }

  /** Debit and credit totals per account for every entry dated on or before the given day. */
  public List<TrialBalance.Row> trialBalanceRows(LocalDate asOf) {
    Map<String, BigDecimal[]> totals =
        jdbc.sql(
                """
                select l.account_code, sum(l.debit), sum(l.credit)
                from journal_line l join journal_entry e on e.id = l.entry_id
                where e.entry_date <= ?
                group by l.account_code""")
            .param(asOf)
            .query((rs, n) -> Map.entry(rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)}))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<TrialBalance.Row> rows = new ArrayList<>();
    for (LedgerAccount account : accounts()) {
      BigDecimal[] t = totals.getOrDefault(account.code(), new BigDecimal[] {Money.ZERO, Money.ZERO});
      rows.add(new TrialBalance.Row(account, Money.of(t[0], "debit"), Money.of(t[1], "credit")));
    }
    return rows;
  }

  /** Debit and credit totals per account of every entry posted for one claim; sub-accounts count under their control account. */
  public ClaimLedger claimLedger(UUID claimId) {
    return new ClaimLedger(jdbc.sql("""
            select coalesce(a.parent_code, a.code), sum(l.debit), sum(l.credit)
            from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
            where e.claim_id = ? group by coalesce(a.parent_code, a.code)""")
        .param(claimId)
        .query((rs, n) -> new AccountTotals(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
        .list()
        .stream()
        .collect(Collectors.toMap(AccountTotals::accountCode, t -> t)));
  }

  /**
   * One claim's postings per claim line (charges and SVC postings name their line), by account as
   * {@link #claimLedger}; claim-level postings (no line) are under the key 0.
   */
  public Map<Integer, ClaimLedger> claimLineLedgers(UUID claimId) {
    Map<Integer, Map<String, AccountTotals>> byLine = new java.util.TreeMap<>();
    jdbc.sql("""
            select coalesce(l.claim_line_number, 0), coalesce(a.parent_code, a.code), sum(l.debit), sum(l.credit)
            from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
            where e.claim_id = ? group by coalesce(l.claim_line_number, 0), coalesce(a.parent_code, a.code)""")
        .param(claimId)
        .query((rs, n) -> Map.entry(rs.getInt(1), new AccountTotals(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4))))
        .list()
        .forEach(e -> byLine.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(e.getValue().accountCode(), e.getValue()));
    Map<Integer, ClaimLedger> result = new java.util.TreeMap<>();
    byLine.forEach((line, totals) -> result.put(line, new ClaimLedger(totals)));
    return result;
  }

  /** What one line of a claim holds on one account, as posted by a given 835 adjustment (e.g. CO-96). */
  public record LineAdjustment(String accountCode, String controlAccount, BigDecimal net) {}

  /**
   * The net (debit minus credit) per account of one claim line's postings whose source is one of
   * the given CAS group-reason codes: where the 835 put a denied line's amount.
   */
  public List<LineAdjustment> lineAdjustments(UUID claimId, int claimLine, java.util.Collection<String> sourceCodes) {
    if (sourceCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select l.account_code, coalesce(a.parent_code, a.code), sum(l.debit) - sum(l.credit)
            from journal_line l join journal_entry e on e.id = l.entry_id join ledger_account a on a.code = l.account_code
            where e.claim_id = :claim and l.claim_line_number = :line and l.source_code in (:sources)
            group by l.account_code, coalesce(a.parent_code, a.code) order by l.account_code""")
        .param("claim", claimId).param("line", claimLine).param("sources", List.copyOf(sourceCodes))
        .query((rs, n) -> new LineAdjustment(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
        .list();
  }

  /** Whether any payer decision on the claim was posted by 835 service line. */
  public boolean postedByServiceLine(UUID claimId) {
    return jdbc.sql("""
            select count(*) from journal_line l join journal_entry e on e.id = l.entry_id
            where e.claim_id = ? and l.service_ref is not null and l.claim_line_number is not null""")
        .param(claimId).query(Integer.class).single() > 0;
  }

  public record AccountTotals(String accountCode, BigDecimal debits, BigDecimal credits) {}

  /** One claim's postings by account; an account never posted to reads zero. */
  public record ClaimLedger(Map<String, AccountTotals> totals) {

    public static final ClaimLedger EMPTY = new ClaimLedger(Map.of());

    public BigDecimal debits(String account) {
      AccountTotals t = totals.get(account);
      return t == null ? Money.ZERO : t.debits();
    }

    public BigDecimal credits(String account) {
      AccountTotals t = totals.get(account);
      return t == null ? Money.ZERO : t.credits();
    }

    /** Debits minus credits. */
    public BigDecimal net(String account) {
      return debits(account).subtract(credits(account));
    }
  }

  /** Which of the given account codes are in the chart of accounts (one query per posting). */
  public java.util.Set<String> existingAccounts(java.util.Set<String> codes) {
    return new java.util.HashSet<>(jdbc.sql("select code from ledger_account where code in (:codes)")
        .param("codes", codes).query(String.class).list());
  }
}
