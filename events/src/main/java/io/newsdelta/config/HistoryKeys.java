package io.newsdelta.config;

import java.util.List;

/** {@code history.database-url} and how it makes {@link HistoryConfig}. */
public final class HistoryKeys {
  public static final Key<String> DATABASE_URL = Key.of("history.database-url",
      Type.text("a JDBC URL jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB",
          u -> u.startsWith("jdbc:sqlite:") && u.length() > "jdbc:sqlite:".length()
              || u.startsWith("jdbc:postgresql://")),
      HistoryConfig.DEFAULT_DATABASE_URL,
      "the history store the pages read: an embedded SQLite file (created with its directory; nothing to "
          + "install), or `jdbc:postgresql://HOST:PORT/DB?user=…&password=…` for shared deployments (`config show` "
          + "masks the password)");

  public static final List<Key<?>> ALL = List.of(DATABASE_URL);

  private HistoryKeys() {}

  static HistoryConfig bind(ConfigTree v) {
    return new HistoryConfig(v.get(DATABASE_URL));
  }
}
