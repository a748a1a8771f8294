package org.revcycle.remittance.deposit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** bank_deposit, and the 835 payments (remittance_file) they are matched to. */
@Repository
public class BankDepositRepository {

  public enum MatchStatus { UNMATCHED, MATCHED, AMOUNT_MISMATCH, ACCEPTED, NOT_REMITTANCE }

  public record Deposit(UUID id, String source, String bankReference, LocalDate depositDate, BigDecimal amount,
      String traceNumber, String typeCode, MatchStatus matchStatus, UUID matchedFileId, String resolvedBy,
      String resolutionNote) {}

  /** An 835 payment that a deposit may be: its TRN02 and BPR02. */
  public record Payment(UUID fileId, String traceNumber, BigDecimal amount, String payerId, LocalDate paymentDate) {}

  private static final String COLUMNS = """
      id, source, bank_reference, deposit_date, amount, trace_number, type_code, match_status, matched_file_id,
      resolved_by, resolution_note""";

  private final JdbcClient jdbc;

  public BankDepositRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false when the bank already reported it (same source and bank reference): nothing is inserted */
  boolean insertIfNew(Deposit d, Instant at) {
    boolean exists = jdbc.sql("select count(*) from bank_deposit where source = ? and bank_reference = ?")
        .params(d.source(), d.bankReference()).query(Integer.class).single() > 0;
    if (exists) {
      return false;
    }
    jdbc.sql("insert into bank_deposit (" + COLUMNS + ", received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.id(), d.source(), d.bankReference(), d.depositDate(), d.amount(), d.traceNumber(), d.typeCode(),
            d.matchStatus().name(), d.matchedFileId(), d.resolvedBy(), d.resolutionNote(), Timestamp.from(at))
        .update();
    return true;
  }

  public Optional<Deposit> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from bank_deposit where id = ?").param(id).query(this::deposit).optional();
  }

  Optional<Deposit> find(String source, String bankReference) {
    return jdbc.sql("select " + COLUMNS + " from bank_deposit where source = ? and bank_reference = ?")
        .params(source, bankReference).query(this::deposit).optional();
  }

  /** The 835 payments with this trace number that no deposit is matched to yet (a refused file is no payment). */
  List<Payment> openPayments(String traceNumber) {
    return jdbc.sql("""
            select f.id, f.trace_number, f.total_payment, f.payer_id, f.payment_date from remittance_file f
            where f.trace_number = ? and f.status <> 'REFUSED'
              and not exists (select 1 from bank_deposit d where d.matched_file_id = f.id
                              and d.match_status in ('MATCHED', 'ACCEPTED'))
            order by f.received_at""")
        .param(traceNumber)
        .query((rs, n) -> new Payment(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
            rs.getString(4), rs.getObject(5, LocalDate.class)))
        .list();
  }

  Optional<Payment> payment(UUID fileId) {
    return jdbc.sql("select id, trace_number, total_payment, payer_id, payment_date from remittance_file where id = ?")
        .param(fileId)
        .query((rs, n) -> new Payment(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
            rs.getString(4), rs.getObject(5, LocalDate.class)))
        .optional();
  }

  void setMatch(UUID depositId, MatchStatus status, UUID fileId, String resolvedBy, String note, Instant at) {
    jdbc.sql("""
            update bank_deposit set match_status = ?, matched_file_id = ?, matched_at = ?, resolved_by = ?,
              resolution_note = ? where id = ?""")
        .params(status.name(), fileId, fileId == null ? null : Timestamp.from(at), resolvedBy, note, depositId)
        .update();
  }

  /** Deposits not (yet) matched that name this trace number (as trace or as bank reference). */
  List<UUID> waitingFor(String traceNumber) {
    return jdbc.sql("""
            select id from bank_deposit where match_status in ('UNMATCHED', 'AMOUNT_MISMATCH')
              and (trace_number = ? or bank_reference = ?) order by received_at""")
        .params(traceNumber, traceNumber).query(UUID.class).list();
  }

  /** Deposits not (yet) tied to an 835 payment, or tied with a different amount. */
  List<Deposit> unreconciledDeposits() {
    return jdbc.sql("select " + COLUMNS + " from bank_deposit where match_status in ('UNMATCHED', 'AMOUNT_MISMATCH') "
        + "order by deposit_date, bank_reference").query(this::deposit).list();
  }

  /** Posted 835 payments that moved money (BPR02 > 0, not BPR04 NON) and that no deposit matches. */
  List<Payment> paymentsWithoutDeposit() {
    return jdbc.sql("""
            select f.id, f.trace_number, f.total_payment, f.payer_id, f.payment_date from remittance_file f
            where f.status = 'POSTED' and f.total_payment > 0 and coalesce(f.payment_method, '') <> 'NON'
              and not exists (select 1 from bank_deposit d where d.matched_file_id = f.id)
            order by f.payment_date, f.trace_number""")
        .query((rs, n) -> new Payment(rs.getObject(1, UUID.class), rs.getString(2), rs.getBigDecimal(3),
            rs.getString(4), rs.getObject(5, LocalDate.class)))
        .list();
  }

  private Deposit deposit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Deposit(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getBigDecimal(5), rs.getString(6), rs.getString(7), MatchStatus.valueOf(rs.getString(8)),
        rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11));
  }
}
