package io.newsdelta.history;

import io.newsdelta.NewsdeltaException;

/** The two databases the store runs on, and what differs between them. */
public enum Dialect {
  SQLITE("db/history/sqlite"),
  POSTGRESQL("db/history/postgresql");

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** The dialect a JDBC URL names. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new NewsdeltaException(
        "history.database-url " + jdbcUrl + " names no supported database; use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /** The classpath location of this dialect's Flyway migrations. */
  String migrations() {
    return "classpath:" + migrations;
  }
}
