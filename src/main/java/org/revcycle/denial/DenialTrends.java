package org.revcycle.denial;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Denials by count and dollars per root cause, payer, facility and week (weeks start on Monday), so
 * a leader sees which upstream step to fix. The database groups by day; weeks are rolled up here,
 * the same on H2 and PostgreSQL.
 */
@Repository
public class DenialTrends {

  private final JdbcClient jdbc;

  public DenialTrends(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Filter(LocalDate from, LocalDate to, String payerId, String facilityId, RootCause rootCause) {}

  /**
   * One bucket: how many denials, how many of them still open (not worked to an outcome), how many
   * dollars denied, and how many the payers paid after the denials were worked (a replacement claim
   * or a won appeal, as their remittances posted).
   */
  public record Bucket(String key, long count, long open, BigDecimal deniedAmount, BigDecimal recoveredAmount) {}

  public record Trends(Filter filter, Bucket total, List<Bucket> byRootCause, List<Bucket> byPayer,
      List<Bucket> byFacility, List<Bucket> byWeek) {}

  private record Row(LocalDate day, String rootCause, String payerId, String facilityId, long count, long open,
      BigDecimal denied, BigDecimal recovered) {}

  public Trends trends(Filter filter) {
    StringBuilder sql = new StringBuilder("""
        select denied_on, coalesce(root_cause, 'UNCLASSIFIED') root_cause, coalesce(payer_id, '-') payer_id, facility_id,
          count(*) n, sum(case when outcome is null or outcome = 'APPEAL_LOST' then 1 else 0 end) open_count,
          sum(denied_amount) denied, sum(case when recovered_at is not null then recovered_amount else 0 end) recovered
        from denial where denied_on >= ? and denied_on <= ?""");
    List<Object> params = new ArrayList<>(List.of(filter.from(), filter.to()));
    if (filter.payerId() != null) {
      sql.append(" and payer_id = ?");
      params.add(filter.payerId());
    }
    if (filter.facilityId() != null) {
      sql.append(" and facility_id = ?");
      params.add(filter.facilityId());
    }
    if (filter.rootCause() != null) {
      sql.append(" and root_cause = ?");
      params.add(filter.rootCause().name());
    }
    sql.append(" group by denied_on, coalesce(root_cause, 'UNCLASSIFIED'), coalesce(payer_id, '-'), facility_id");
    List<Row> rows = jdbc.sql(sql.toString()).params(params)
        .query((rs, i) -> new Row(rs.getDate("denied_on").toLocalDate(), rs.getString("root_cause"),
            rs.getString("payer_id"), rs.getString("facility_id"), rs.getLong("n"), rs.getLong("open_count"), rs.getBigDecimal("denied"),
            rs.getBigDecimal("recovered")))
        .list();
    return new Trends(filter, sum("total", rows), group(rows, Row::rootCause), group(rows, Row::payerId),
        group(rows, Row::facilityId),
        group(rows, r -> r.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()).stream()
            .sorted(Comparator.comparing(Bucket::key)).toList());
  }

  /** Largest dollars first: where fixing the upstream step pays most. */
  private static List<Bucket> group(List<Row> rows, Function<Row, String> key) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups.entrySet().stream().map(e -> sum(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(Bucket::deniedAmount).reversed().thenComparing(Bucket::key)).toList();
  }

  private static Bucket sum(String key, List<Row> rows) {
    long count = 0;
    long open = 0;
    BigDecimal denied = BigDecimal.ZERO.setScale(2);
    BigDecimal recovered = BigDecimal.ZERO.setScale(2);
    for (Row row : rows) {
      count += row.count();
      open += row.open();
      denied = denied.add(row.denied());
      recovered = recovered.add(row.recovered());
    }
    return new Bucket(key, count, open, denied, recovered);
  }
}
