package io.newsdelta.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsdelta.events.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The database's own full-text search over each article's newest headline, URL and text: a contentless FTS5
 * table on SQLite whose row id is the article's search key (see {@link #key}), a {@code tsvector} column with
 * a GIN index on PostgreSQL. Both are fed the same folded text (lower case, accents removed, words separated by
 * single spaces) and asked the same folded query, so the two databases find the same articles.
 */
final class SearchIndex {
  /** Slots per millisecond in a search key: articles whose last change fell in the same millisecond. */
  static final int SLOT_BITS = 20;
  /** The largest last change (ms) a key holds: 2^43 ms after 1970, in the year 2248. */
  private static final long MAX_MILLIS = (1L << (63 - SLOT_BITS)) - 1;

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
  private static final Pattern ACCENTS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");

  private static final String LATEST =
      """
      SELECT a.search_key, a.last_changed, v.title, v.url, v.standfirst, v.paragraphs FROM articles a
      JOIN versions v ON v.article_id = a.article_id AND v.version = a.latest_version
      WHERE a.article_id = ?
      """;
  private static final String LATEST_PG =
      """
      SELECT v.title, v.url, v.standfirst, v.paragraphs FROM articles a
      JOIN versions v ON v.article_id = a.article_id AND v.version = a.latest_version
      WHERE a.article_id = ?
      """;

  private SearchIndex() {}

  /** Re-indexes the given articles from their newest version. */
  static void refresh(Dialect dialect, Connection c, Collection<String> articleIds) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      refreshSqlite(c, articleIds);
      return;
    }
    try (PreparedStatement read = c.prepareStatement(LATEST_PG);
        PreparedStatement update =
            c.prepareStatement("UPDATE articles SET search = to_tsvector('simple', ?) WHERE article_id = ?")) {
      for (String id : articleIds) {
        read.setString(1, id);
        try (ResultSet rs = read.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
          update.setString(1, text(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
          update.setString(2, id);
          update.addBatch();
        }
      }
      update.executeBatch();
    }
  }

  /**
   * A new key is the next free slot of its millisecond: the first free one in the store, then the ones after it
   * for the next articles of the same batch (remembered here, as the batched writes are not yet visible).
   */
  private static void refreshSqlite(Connection c, Collection<String> articleIds) throws SQLException {
    Map<Long, Long> nextFree = new HashMap<>();
    try (PreparedStatement read = c.prepareStatement(LATEST);
        PreparedStatement lastSlot =
            c.prepareStatement("SELECT max(search_key) FROM articles WHERE search_key BETWEEN ? AND ?");
        PreparedStatement setKey = c.prepareStatement("UPDATE articles SET search_key = ? WHERE article_id = ?");
        PreparedStatement delete = c.prepareStatement("DELETE FROM article_search WHERE rowid = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO article_search (rowid, text) VALUES (?, ?)")) {
      for (String id : articleIds) {
        read.setString(1, id);
        try (ResultSet rs = read.executeQuery()) {
          if (!rs.next()) {
            continue;
          }
          long oldKey = rs.getLong(1);
          boolean hadKey = !rs.wasNull();
          long first = key(rs.getLong(2), 0);
          long key = oldKey;
          if (!hadKey || oldKey >> SLOT_BITS != first >> SLOT_BITS) {
            Long free = nextFree.get(first);
            key = free != null ? free : nextSlot(lastSlot, first);
            if (key > first + (1L << SLOT_BITS) - 1) {
              throw new io.newsdelta.NewsdeltaException("more than " + (1 << SLOT_BITS)
                  + " articles changed in the same millisecond; the search index cannot order them");
            }
            nextFree.put(first, key + 1);
            setKey.setLong(1, key);
            setKey.setString(2, id);
            setKey.addBatch();
          }
          if (hadKey) {
            delete.setLong(1, oldKey);
            delete.addBatch();
          }
          insert.setLong(1, key);
          insert.setString(2, text(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
          insert.addBatch();
        }
      }
      // New keys are above every key of their millisecond, so they never meet an old one.
      setKey.executeBatch();
      delete.executeBatch();
      insert.executeBatch();
    }
  }

  private static long nextSlot(PreparedStatement lastSlot, long first) throws SQLException {
    lastSlot.setLong(1, first);
    lastSlot.setLong(2, first + (1L << SLOT_BITS) - 1);
    try (ResultSet rs = lastSlot.executeQuery()) {
      rs.next();
      long taken = rs.getLong(1);
      return rs.wasNull() ? first : taken + 1;
    }
  }

  /**
   * An article's search key: its last change in ms (clamped to 1970–2248) above {@link #SLOT_BITS} bits of slot,
   * so keys sort as last changes do and FTS5, which returns rows in key order, returns the newest first.
   */
  static long key(long lastChangedMillis, int slot) {
    long ms = Math.max(0, Math.min(MAX_MILLIS, lastChangedMillis));
    return (ms << SLOT_BITS) | slot;
  }

  /**
   * What a reader typed, as terms both databases read the same way: every term must occur, in any order; a term
   * is one word, or a phrase whose words must follow each other — a quoted phrase ({@code "storm hits"}) or a
   * word written with punctuation inside ({@code uk-politics}). Operators and punctuation a reader types are never
   * query syntax: only letters and digits reach the database. At most 16 words are kept.
   */
  static List<List<String>> terms(String query) {
    if (query == null) {
      return List.of();
    }
    List<List<String>> terms = new java.util.ArrayList<>();
    int words = 0;
    String[] quoted = query.split("\"", -1);
    for (int i = 0; i < quoted.length && words < 16; i++) {
      // Odd pieces were inside quotes (an unclosed quote runs to the end).
      String[] pieces = i % 2 == 1 ? new String[] {quoted[i]} : quoted[i].split("\\s+");
      for (String piece : pieces) {
        List<String> phrase = wordsOf(piece);
        if (phrase.isEmpty() || words >= 16) {
          continue;
        }
        phrase = phrase.subList(0, Math.min(phrase.size(), 16 - words));
        words += phrase.size();
        terms.add(phrase);
      }
    }
    return List.copyOf(terms);
  }

  /** The terms as an FTS5 query: each term a quoted phrase (its words hold no quote), all required. */
  static String fts5(List<List<String>> terms) {
    return String.join(" ", terms.stream().map(t -> "\"" + String.join(" ", t) + "\"").toList());
  }

  /** The terms as a PostgreSQL {@code to_tsquery} text: words of a phrase joined by {@code <->}, terms by {@code &}. */
  static String tsquery(List<List<String>> terms) {
    return String.join(" & ", terms.stream().map(t -> "(" + String.join(" <-> ", t) + ")").toList());
  }

  /** A text's words, folded ({@code https://news.example/Café} → {@code https news example cafe}). */
  static List<String> wordsOf(String text) {
    String folded = fold(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /**
   * A text folded for both indexes: lower case, accents removed, words (letters, marks, digits) separated by
   * single spaces. Doing this here, not in the databases, is what makes their results agree: PostgreSQL's
   * parser would keep a URL whole and drop what looks like markup, and neither folds accents as the other does.
   */
  static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String lower = ascii(text) ? text.toLowerCase(Locale.ROOT)
        : Normalizer.normalize(ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll(""),
            Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return NOT_A_WORD.matcher(lower).replaceAll(" ").trim();
  }

  /** Most text is ASCII, which has no accents to fold: the writer skips the two normalisations. */
  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** The indexed text of a version: headline, URL, standfirst and paragraphs, in that order, folded. */
  static String text(String title, String url, String standfirst, String paragraphsJson) {
    StringBuilder text = new StringBuilder();
    for (String part : new String[] {title, url, standfirst}) {
      if (part != null) {
        text.append(part).append('\n');
      }
    }
    for (String p : parse(paragraphsJson)) {
      text.append(p).append('\n');
    }
    return fold(text.toString());
  }

  static List<String> parse(String paragraphsJson) {
    try {
      return Json.mapper().readValue(paragraphsJson, STRINGS);
    } catch (java.io.IOException e) {
      throw new io.newsdelta.NewsdeltaException("unreadable paragraphs in the history store: " + e.getMessage(), e);
    }
  }
}
