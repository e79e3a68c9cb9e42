package io.newsdelta.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 3, in Java: re-indexes every stored article for search with the writer's own code, so that a
 * store made before V2 (the SQLite index rebuilt as search keys, both databases' text folded the same way)
 * finds what a new one finds. Nothing to do on an empty store.
 */
final class SearchIndexMigration implements JavaMigration {
  private static final int CHUNK = 500;

  private final Dialect dialect;

  SearchIndexMigration(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "search index from the stored versions";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    // Keyset over article ids: each chunk is read after the previous one is indexed.
    String after = "";
    while (true) {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT article_id FROM articles WHERE versions > 0 AND article_id > ? ORDER BY article_id LIMIT " + CHUNK)) {
        ps.setString(1, after);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      SearchIndex.refresh(dialect, c, ids);
      after = ids.get(ids.size() - 1);
    }
  }
}
