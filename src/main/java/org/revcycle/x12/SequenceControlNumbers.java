package org.revcycle.x12;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Control numbers from database sequences (Flyway V2), so they survive restarts and stay unique
 * across every node that shares the database. Sequences are not rolled back with a transaction:
 * an interchange that fails validation leaves a gap, which the standard allows.
 */
@Component
public class SequenceControlNumbers implements ControlNumbers {

  private final DataFieldMaxValueIncrementer interchange;
  private final DataFieldMaxValueIncrementer group;
  private final DataFieldMaxValueIncrementer transaction;

  public SequenceControlNumbers(DataSource dataSource) {
    boolean postgres = isPostgres(dataSource);
    this.interchange = incrementer(dataSource, postgres, "x12_interchange_control_seq");
    this.group = incrementer(dataSource, postgres, "x12_group_control_seq");
    this.transaction = incrementer(dataSource, postgres, "x12_transaction_control_seq");
  }

  @Override
  public long nextInterchange() {
    return interchange.nextLongValue();
  }

  @Override
  public long nextGroup() {
    return group.nextLongValue();
  }

  @Override
  public long nextTransaction() {
    return transaction.nextLongValue();
  }

  private static DataFieldMaxValueIncrementer incrementer(DataSource dataSource, boolean postgres, String sequence) {
    return postgres ? new PostgresSequenceMaxValueIncrementer(dataSource, sequence)
        : new H2SequenceMaxValueIncrementer(dataSource, sequence);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database holds the X12 control sequences", e);
    }
  }
}
