package io.newsdelta.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.newsdelta.NewsdeltaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history database: a connection pool over SQLite or PostgreSQL, migrated to the current schema when
 * opened. Thread-safe; {@link #close()} releases the connections.
 */
public final class HistoryStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);

  private final Dialect dialect;
  private final HikariDataSource pool;
  private final HistoryWriter writer;
  private final HistoryReader reader;

  private HistoryStore(Dialect dialect, HikariDataSource pool) {
    this.dialect = dialect;
    this.pool = pool;
    this.writer = new HistoryWriter(dialect, pool);
    this.reader = new HistoryReader(dialect, pool);
  }

  /**
   * Opens the database at {@code jdbcUrl} (an SQLite file is created with its directory when missing) and
   * applies the schema migrations it lacks.
   *
   * @throws NewsdeltaException when the database cannot be reached or migrated, naming the URL (without its
   *     password) and what to check
   */
  public static HistoryStore open(String jdbcUrl) {
    Dialect dialect = Dialect.of(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("newsdelta-history");
    config.setConnectionTimeout(10_000);
    if (dialect == Dialect.SQLITE) {
      createParent(jdbcUrl);
      // WAL: readers (the pages) never wait for the writer (the materialiser), and one writer at a time waits
      // for the lock instead of failing.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "NORMAL");
      config.addDataSourceProperty("busy_timeout", "30000");
      config.setMaximumPoolSize(4);
    } else {
      config.setMaximumPoolSize(8);
    }
    HikariDataSource pool = null;
    try {
      pool = new HikariDataSource(config);
      migrate(dialect, pool);
      LOG.info("History store {} ready", redacted(jdbcUrl));
      return new HistoryStore(dialect, pool);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      throw new NewsdeltaException(
          "cannot open the history store " + redacted(jdbcUrl) + ": " + rootMessage(e)
              + "; check history.database-url and that the database runs and accepts the user",
          e);
    }
  }

  private static void migrate(Dialect dialect, DataSource ds) {
    Flyway.configure()
        .dataSource(ds)
        .locations(dialect.migrations())
        .javaMigrations(new SearchIndexMigration(dialect))
        .table("history_schema")
        .load()
        .migrate();
  }

  private static void createParent(String jdbcUrl) {
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    file = query >= 0 ? file.substring(0, query) : file;
    if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new NewsdeltaException("cannot create the directory " + parent + " of history.database-url: " + e.getMessage(), e);
    }
  }

  /** The URL without a password parameter, for log lines. */
  public static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Writes events; used by the materialiser and the rebuild. */
  public HistoryWriter writer() {
    return writer;
  }

  /** Answers the pages' and the API's questions. */
  public HistoryReader reader() {
    return reader;
  }

  /** Whether the database answers a trivial query (readiness). */
  public boolean ready() {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
