package io.newsdelta.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsdelta.events.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The database's own full-text search over each article's newest headline, URL and text: an FTS5 table on
 * SQLite, a {@code tsvector} column with a GIN index on PostgreSQL.
 */
final class SearchIndex {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final String LATEST =
      """
      SELECT %s v.title, v.url, v.standfirst, v.paragraphs FROM articles a
      JOIN versions v ON v.article_id = a.article_id AND v.version = a.latest_version
      WHERE a.article_id = ?
      """;

  private SearchIndex() {}

  /** Re-indexes the given articles from their newest version. */
  static void refresh(Dialect dialect, Connection c, Collection<String> articleIds) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      try (PreparedStatement read = c.prepareStatement(LATEST.formatted("a.rowid,"));
          PreparedStatement delete = c.prepareStatement("DELETE FROM article_search WHERE rowid = ?");
          PreparedStatement insert =
              c.prepareStatement("INSERT INTO article_search (rowid, title, url, body) VALUES (?, ?, ?, ?)")) {
        for (String id : articleIds) {
          read.setString(1, id);
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
              continue;
            }
            long rowid = rs.getLong(1);
            delete.setLong(1, rowid);
            delete.addBatch();
            insert.setLong(1, rowid);
            insert.setString(2, plain(rs.getString(2)));
            insert.setString(3, plain(rs.getString(3)));
            insert.setString(4, plain(body(rs.getString(4), rs.getString(5))));
            insert.addBatch();
          }
        }
        delete.executeBatch();
        insert.executeBatch();
      }
    } else {
      try (PreparedStatement read = c.prepareStatement(LATEST.formatted(""));
          PreparedStatement update =
              c.prepareStatement(
                  "UPDATE articles SET search = setweight(to_tsvector('simple', ?), 'A')"
                      + " || to_tsvector('simple', ?) || to_tsvector('simple', ?) WHERE article_id = ?")) {
        for (String id : articleIds) {
          read.setString(1, id);
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
              continue;
            }
            update.setString(1, plain(rs.getString(1)));
            update.setString(2, plain(rs.getString(2)));
            update.setString(3, plain(body(rs.getString(3), rs.getString(4))));
            update.setString(4, id);
            update.addBatch();
          }
        }
        update.executeBatch();
      }
    }
  }

  /**
   * What a reader typed, as a query both databases read the same way: every word must occur (any order). Words
   * are quoted for FTS5, so operators and punctuation typed by a reader are never query syntax.
   */
  static List<String> words(String query) {
    if (query == null) {
      return List.of();
    }
    return NOT_A_WORD.splitAsStream(query.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).limit(16).toList();
  }

  /**
   * A text's words alone ({@code https://news.example/uk-politics} → {@code https news example uk politics}),
   * so both databases split text the same way: PostgreSQL's parser would otherwise keep a URL whole and drop
   * what looks like markup.
   */
  static String plain(String text) {
    return text == null ? "" : NOT_A_WORD.matcher(text).replaceAll(" ").trim();
  }

  private static String body(String standfirst, String paragraphsJson) {
    StringBuilder text = new StringBuilder(nullToEmpty(standfirst));
    for (String p : parse(paragraphsJson)) {
      text.append('\n').append(p);
    }
    return text.toString();
  }

  static List<String> parse(String paragraphsJson) {
    try {
      return Json.mapper().readValue(paragraphsJson, STRINGS);
    } catch (java.io.IOException e) {
      throw new io.newsdelta.NewsdeltaException("unreadable paragraphs in the history store: " + e.getMessage(), e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
