package io.newsdelta.history;

import io.newsdelta.testsupport.TestPostgres;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The two databases every store test runs against, for real: an SQLite file and a PostgreSQL server. */
public final class Databases {
  private Databases() {}

  /** A fresh, empty database of each kind (for {@code @MethodSource}). */
  public static Stream<Named<Supplier<String>>> both() {
    return Stream.of(
        Named.of("SQLite", Databases::sqlite),
        Named.of("PostgreSQL", () -> TestPostgres.shared().newDatabase()));
  }

  /** A new SQLite file under {@code target/} (in a directory that does not exist yet). */
  public static String sqlite() {
    return "jdbc:sqlite:" + Path.of("target", "history-db", UUID.randomUUID().toString(), "history.db");
  }
}
