package io.newsdelta.config;

/**
 * Where the history of versions and changes is kept.
 *
 * @param databaseUrl a JDBC URL: {@code jdbc:sqlite:FILE} (embedded, the default) or
 *     {@code jdbc:postgresql://HOST[:PORT]/DB[?user=…&password=…]}
 */
public record HistoryConfig(String databaseUrl) {
  /** The default store: an SQLite file beside the broker's data. */
  public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/history.db";

  public HistoryConfig {
    HistoryKeys.DATABASE_URL.check(databaseUrl);
  }

  /** The default: the embedded SQLite file. */
  public static HistoryConfig defaults() {
    return new HistoryConfig(DEFAULT_DATABASE_URL);
  }
}
