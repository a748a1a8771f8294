package org.revcycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;

/** One real PostgreSQL per test JVM, started on first use. */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres instance;

  private EmbeddedPostgres() {}

  public static synchronized String jdbcUrl() {
    if (instance == null) {
      try {
        var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            // stopped by Spring's shutdown handlers, which run after every application context has
            // closed: stopping it earlier leaves the engine waiting for connections at shutdown
            .setRegisterShutdownHook(false);
        // the benchmark turns durability back on (zonky's default is synchronous_commit=off) and
        // may load pg_stat_statements: -Dembedded.postgres.settings=synchronous_commit=on;...
        for (String setting : System.getProperty("embedded.postgres.settings", "").split(";")) {
          int eq = setting.indexOf('=');
          if (eq > 0) {
            builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
          }
        }
        instance = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      SpringApplication.getShutdownHandlers().add(EmbeddedPostgres::stop);
    }
    return instance.getJdbcUrl("postgres", "postgres");
  }

  private static void stop() {
    try {
      instance.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
    }
  }
}
