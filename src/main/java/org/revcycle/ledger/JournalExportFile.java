package org.revcycle.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.revcycle.platform.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The journal as a CSV file for ERPs that import files: one line per journal line, in entry date
 * and entry order, with the source document (835 file, TRN, CLP) and the claim of each entry.
 * Rows are streamed from the database, so a month of postings does not sit in memory.
 */
@Service
public class JournalExportFile {

  /** The header line; the columns every row has, in this order (RFC 4180 quoting). */
  public static final List<String> COLUMNS = List.of("entry_id", "entry_date", "line_number", "account", "debit",
      "credit", "source_type", "source_file_id", "trace_number", "clp", "source_ref", "source_code", "claim_id", "memo",
      "claim_line", "service_line", "payer_id");

  private static final int LONGEST_PERIOD_DAYS = 366;

  private final JdbcTemplate jdbc;

  public JournalExportFile(javax.sql.DataSource dataSource) {
    // its own template: the fetch size (rows per round trip while streaming) is this export's business
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
  }

  public void write(LocalDate from, LocalDate to, Writer out) {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to", "The period ends (" + to + ") before it starts (" + from + ").");
    }
    if (from.plusDays(LONGEST_PERIOD_DAYS).isBefore(to)) {
      throw new InvalidInputException("to", "A journal export covers at most " + LONGEST_PERIOD_DAYS + " days.");
    }
    try {
      out.write(String.join(",", COLUMNS) + "\r\n");
      jdbc.query("""
          select e.id, e.entry_date, l.line_number, l.account_code, l.debit, l.credit, e.source_type,
            e.source_file_id, e.trace_number, e.source_ref, l.source_code, e.claim_id, l.memo, l.claim_line_number,
            l.service_ref, coalesce(l.payer_id, e.payer_id)
          from journal_entry e join journal_line l on l.entry_id = e.id
          where e.entry_date between ? and ?
          order by e.entry_date, e.posted_at, e.id, l.line_number""",
          rs -> {
            String traceNumber = rs.getString(9);
            String sourceRef = rs.getString(10);
            row(out, rs.getString(1), rs.getObject(2, LocalDate.class).toString(), Integer.toString(rs.getInt(3)),
                rs.getString(4), amount(rs.getBigDecimal(5)), amount(rs.getBigDecimal(6)), rs.getString(7),
                rs.getString(8), traceNumber, clp(traceNumber, sourceRef), sourceRef, rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getObject(14) == null ? null : Integer.toString(rs.getInt(14)),
                rs.getString(15), rs.getString(16));
          },
          from, to);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 835 entries reference "TRN/CLP01": the claim's part, for matching back to the remittance. */
  private static String clp(String traceNumber, String sourceRef) {
    if (traceNumber == null || sourceRef == null || !sourceRef.startsWith(traceNumber + "/")) {
      return null;
    }
    return sourceRef.substring(traceNumber.length() + 1);
  }

  private static String amount(BigDecimal value) {
    return value == null || value.signum() == 0 ? "0.00" : value.setScale(2).toPlainString();
  }

  private static void row(Writer out, String... fields) {
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quote(fields[i]));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String field) {
    if (field == null) {
      return "";
    }
    // a leading =, +, - or @ would be a formula in a spreadsheet: quote it so it stays text
    boolean needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\r") || field.contains("\n")
        || (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0);
    return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
