package io.newsdelta.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema migrations on real databases: a store written at schema version 1 (before the search keys, the
 * feed counts and the folded search text) opened by the current code is migrated with its rows indexed, and the
 * two dialects' migrations end in the same tables and columns.
 */
class MigrationIT {
  private static final String FEED = "https://news.example/rss.xml";
  private static final String STORM = "https://news.example/world/storm";
  private static final String CAFE = "https://news.example/food/cafe";
  private static final String LONELY = "https://news.example/feedless";

  /** A version-1 store as the version-1 writer left it: rows, counts and its own search index. */
  private static void writeVersionOne(String url, Dialect dialect) throws SQLException {
    Flyway.configure().dataSource(url, null, null).locations(dialect.migrations()).table("history_schema")
        .target("1").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO feeds VALUES ('" + FEED + "', 'Example')");
      s.execute("INSERT INTO articles (article_id, url, feed_url, title, first_seen, last_changed, versions,"
          + " latest_version) VALUES ('" + STORM + "', '" + STORM + "', '" + FEED + "', 'Storm batters coast',"
          + " 1000, 5000, 2, 2), ('" + CAFE + "', '" + CAFE + "', '" + FEED + "', 'A Café reopens', 3000, 3000, 1, 1),"
          + " ('" + LONELY + "', '" + LONELY + "', NULL, 'Lonely story', 2000, 2000, 1, 1)");
      s.execute("INSERT INTO versions (article_id, version, url, observed_at, title, paragraphs) VALUES"
          + " ('" + STORM + "', 1, '" + STORM + "', 1000, 'Storm hits coast', '[\"Ten people were hurt.\"]'),"
          + " ('" + STORM + "', 2, '" + STORM + "', 5000, 'Storm batters coast', '[\"Twelve people were hurt.\"]'),"
          + " ('" + CAFE + "', 1, '" + CAFE + "', 3000, 'A Café reopens', '[\"The naïve chef returns.\"]'),"
          + " ('" + LONELY + "', 1, '" + LONELY + "', 2000, 'Lonely story', '[\"Nobody reads it.\"]')");
      if (dialect == Dialect.SQLITE) {
        s.execute("INSERT INTO article_search (rowid, title, url, body) SELECT a.rowid, a.title, a.url, 'old text'"
            + " FROM articles a");
      } else {
        s.execute("UPDATE articles SET search = to_tsvector('simple', title || ' old text')");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldMigrateAVersionOneStoreAndIndexItsExistingRows(Supplier<String> db) throws SQLException {
    String url = db.get();
    Dialect dialect = Dialect.of(url);
    if (dialect == Dialect.SQLITE) {
      java.nio.file.Path file = java.nio.file.Path.of(url.substring("jdbc:sqlite:".length()));
      file.getParent().toFile().mkdirs();
    }
    writeVersionOne(url, dialect);
    try (HistoryStore store = HistoryStore.open(url)) {
      HistoryReader r = store.reader();
      assertThat(SearchIT.ids(r.search("people hurt", 1, 10))).containsExactly(STORM);
      assertThat(SearchIT.ids(r.search("\"twelve people\"", 1, 10))).containsExactly(STORM);
      assertThat(SearchIT.ids(r.search("ten", 1, 10))).as("only the newest version is indexed").isEmpty();
      assertThat(SearchIT.ids(r.search("old text", 1, 10))).as("the version-1 index is gone").isEmpty();
      assertThat(SearchIT.ids(r.search("cafe naive", 1, 10))).as("accents folded").containsExactly(CAFE);
      assertThat(SearchIT.ids(r.search("news example", 1, 10))).containsExactly(STORM, CAFE, LONELY);
      assertThat(SearchIT.ids(r.search("news example", 2, 1))).containsExactly(CAFE);
      assertThat(r.articles(null, 1, 10).items()).extracting(ArticleRow::articleId).containsExactly(STORM, CAFE, LONELY);
      assertThat(r.feeds(10)).singleElement().extracting(FeedRow::articles).isEqualTo(2);

      // The migrated store is maintained as a new one is.
      store.writer().apply(new EventBatch.Builder()
          .add(new FeedMembership(LONELY, LONELY, FEED))
          .add(new io.newsdelta.events.ArticleVersion(CAFE, CAFE, 2, java.time.Instant.ofEpochMilli(9000),
              "A café closes", null, List.of("Closed for good."), "sha", null))
          .build());
      assertThat(SearchIT.ids(r.search("news example", 1, 10))).containsExactly(CAFE, STORM, LONELY);
      assertThat(SearchIT.ids(r.search("naive", 1, 10))).isEmpty();
      assertThat(SearchIT.ids(r.search("closed", 1, 10))).containsExactly(CAFE);
      assertThat(r.feeds(10)).singleElement().extracting(FeedRow::articles).isEqualTo(3);
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM history_schema WHERE success ORDER BY installed_rank")) {
      List<String> applied = new ArrayList<>();
      while (rs.next()) {
        applied.add(rs.getString(1));
      }
      assertThat(applied).containsExactly("1", "1.1", "2", "3", "4");
    }
  }

  @Test
  void shouldEndBothDialectsMigrationsInTheSameTablesAndColumns() throws SQLException {
    String sqlite = Databases.sqlite();
    String postgres = TestPostgres.shared().newDatabase();
    try (HistoryStore a = HistoryStore.open(sqlite); HistoryStore b = HistoryStore.open(postgres)) {
      Map<String, List<String>> sqliteSchema = schema(sqlite);
      Map<String, List<String>> postgresSchema = schema(postgres);
      // Where the dialects differ on purpose: SQLite's search index is its own table keyed by search_key,
      // PostgreSQL's is the search column of articles.
      sqliteSchema.keySet().removeIf(t -> t.startsWith("article_search"));
      sqliteSchema.get("articles").remove("search_key");
      postgresSchema.get("articles").remove("search");
      assertThat(sqliteSchema).isEqualTo(postgresSchema).containsKeys("articles", "versions", "changes", "feeds",
          "feed_counts", "history_schema");
    }
  }

  private static Map<String, List<String>> schema(String url) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(null, Dialect.of(url) == Dialect.SQLITE ? null : "public", "%",
          new String[] {"TABLE", "VIRTUAL TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (!table.startsWith("sqlite_")) {
            tables.put(table, new ArrayList<>());
          }
        }
      }
      for (Map.Entry<String, List<String>> t : tables.entrySet()) {
        try (ResultSet rs = meta.getColumns(null, null, t.getKey(), "%")) {
          while (rs.next()) {
            t.getValue().add(rs.getString("COLUMN_NAME"));
          }
        }
        t.getValue().sort(String::compareTo);
      }
    }
    return tables;
  }
}
