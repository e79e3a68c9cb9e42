package io.newsdelta.history;

import com.fasterxml.jackson.core.type.TypeReference;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The questions the pages and the API ask of the store; every list is paginated or bounded. */
public final class HistoryReader {
  private static final TypeReference<List<Hunk>> HUNKS = new TypeReference<>() {};
  private static final String ARTICLE_COLUMNS =
      "a.article_id, a.url, a.feed_url, a.title, a.first_seen, a.last_changed, a.versions";
  private static final String CHANGE_COLUMNS =
      "c.change_id, c.article_id, c.url, c.title, c.from_version, c.to_version, c.from_observed_at,"
          + " c.to_observed_at, c.headline_changed, c.minor, c.revert_of, c.hunks, c.words_added,"
          + " c.words_removed, c.summary, c.previous_title, c.kind, c.moved_to";

  /** Articles from which a feed's latest changes are found by walking all changes newest first. */
  private static final int LARGE_FEED = 1_000;

  private final Dialect dialect;
  private final DataSource ds;

  HistoryReader(Dialect dialect, DataSource ds) {
    this.dialect = dialect;
    this.ds = ds;
  }

  /** Tracked articles, the most recently changed first; only those of {@code feedUrl} when it is not null. */
  public Page<ArticleRow> articles(String feedUrl, int page, int size) {
    if (feedUrl == null) {
      // A deep page skips its offset's rows in the list index alone (articles_listed holds the sort key and the
      // id), then reads only its own rows: an OFFSET over the table itself reads every skipped row first.
      String sql = "SELECT " + ARTICLE_COLUMNS + " FROM (SELECT article_id FROM articles WHERE versions > 0"
          + " ORDER BY last_changed DESC, article_id LIMIT ? OFFSET ?) k JOIN articles a ON a.article_id = k.article_id"
          + " ORDER BY a.last_changed DESC, a.article_id";
      return page(sql, page, size, List.of(), HistoryReader::article);
    }
    String sql = "SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.versions > 0 AND a.feed_url = ?"
        + " ORDER BY a.last_changed DESC, a.article_id LIMIT ? OFFSET ?";
    return page(sql, page, size, List.of(feedUrl), HistoryReader::article);
  }

  /**
   * The registered sources, with how many articles were found in each and when one last changed; the most
   * recently changed first (sources with no article last). The count is kept by a trigger (table feed_counts),
   * the last change read from the (feed, last change) index: neither scans a feed's articles.
   */
  public List<FeedRow> feeds(int limit) {
    String sql =
        """
        SELECT f.feed_url, f.name, coalesce(n.articles, 0),
          (SELECT max(a.last_changed) FROM articles a WHERE a.feed_url = f.feed_url) AS last_changed
        FROM feeds f LEFT JOIN feed_counts n ON n.feed_url = f.feed_url
        ORDER BY last_changed DESC NULLS LAST, f.feed_url LIMIT ?
        """;
    return query(sql, List.of(limit), rs -> new FeedRow(rs.getString(1), rs.getString(2), rs.getInt(3), time(rs, 4)));
  }

  /** One article, when it has at least one version. */
  public Optional<ArticleRow> article(String articleId) {
    return query("SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.article_id = ? AND a.versions > 0",
            List.of(articleId), HistoryReader::article)
        .stream().findFirst();
  }

  /** An article's versions without their text, oldest first (the timeline). */
  public List<VersionMeta> timeline(String articleId) {
    return query(
        "SELECT version, observed_at, title, url FROM versions WHERE article_id = ? ORDER BY version",
        List.of(articleId),
        rs -> new VersionMeta(rs.getInt(1), time(rs, 2), rs.getString(3), rs.getString(4)));
  }

  /** One version with its text. */
  public Optional<ArticleVersion> version(String articleId, int version) {
    return query(
            "SELECT article_id, url, version, observed_at, title, byline, paragraphs, text_sha256, standfirst"
                + " FROM versions WHERE article_id = ? AND version = ?",
            List.of(articleId, version),
            rs -> new ArticleVersion(rs.getString(1), rs.getString(2), rs.getInt(3), time(rs, 4), rs.getString(5),
                rs.getString(6), SearchIndex.parse(rs.getString(7)), rs.getString(8), rs.getString(9)))
        .stream().findFirst();
  }

  /** An article's changes, oldest first. */
  public List<ArticleChange> changesOf(String articleId) {
    return query("SELECT " + CHANGE_COLUMNS + " FROM changes c WHERE c.article_id = ?"
        + " ORDER BY c.to_version, c.to_observed_at",
        List.of(articleId), HistoryReader::change);
  }

  /**
   * The newest changes: of every article, of one feed's articles ({@code feedUrl}), or of one article
   * ({@code articleId}); at most one of the two filters is used.
   */
  public List<ArticleChange> latestChanges(String feedUrl, String articleId, int limit) {
    String sql;
    List<Object> args;
    if (articleId != null) {
      sql = "SELECT " + CHANGE_COLUMNS + " FROM changes c WHERE c.article_id = ?"
          + " ORDER BY c.to_version DESC, c.to_observed_at DESC LIMIT ?";
      args = List.of(articleId, limit);
    } else if (feedUrl != null) {
      // SQLite's planner reads every article of the feed and sorts all their changes (1.5 s for a feed of
      // 100,000): for a large feed, walk the changes newest first instead and stop at the limit (CROSS JOIN
      // fixes SQLite's join order). A small feed keeps the first plan, which reads only its own rows.
      String join = dialect == Dialect.SQLITE && feedArticles(feedUrl) >= LARGE_FEED ? " CROSS JOIN " : " JOIN ";
      sql = "SELECT " + CHANGE_COLUMNS + " FROM changes c" + join + "articles a ON a.article_id = c.article_id"
          + " WHERE a.feed_url = ? ORDER BY c.to_observed_at DESC LIMIT ?";
      args = List.of(feedUrl, limit);
    } else {
      sql = "SELECT " + CHANGE_COLUMNS + " FROM changes c ORDER BY c.to_observed_at DESC LIMIT ?";
      args = List.of(limit);
    }
    return query(sql, args, HistoryReader::change);
  }

  private int feedArticles(String feedUrl) {
    return query("SELECT articles FROM feed_counts WHERE feed_url = ?", List.of(feedUrl), rs -> rs.getInt(1))
        .stream().findFirst().orElse(0);
  }

  /** The articles changed most often since {@code since}, most changes first. */
  public List<RevisedRow> mostRevised(Instant since, int limit) {
    String sql =
        "SELECT " + ARTICLE_COLUMNS + ", r.n FROM (SELECT article_id, count(*) AS n FROM changes"
            + " WHERE to_observed_at >= ? AND (kind IS NULL OR kind = 'edit') GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT ?) r"
            + " JOIN articles a ON a.article_id = r.article_id ORDER BY r.n DESC, a.last_changed DESC";
    return query(sql, List.of(since.toEpochMilli(), limit), rs -> new RevisedRow(article(rs), rs.getInt(8)));
  }

  /**
   * Articles whose newest headline, URL or text contain every term of {@code query} (a word, or a phrase: see
   * {@link SearchIndex#terms}) by the database's full-text search, the most recently changed first. A query with
   * no words finds nothing.
   */
  public Page<ArticleRow> search(String query, int page, int size) {
    List<List<String>> terms = SearchIndex.terms(query);
    if (terms.isEmpty()) {
      return new Page<>(List.of(), page, size, false);
    }
    if (dialect == Dialect.SQLITE) {
      // FTS5 returns matches in row id (search key) order, newest first, and stops after the page: the first
      // offset + size + 1 matches, widened to every match of the last one's millisecond so that articles changed
      // in the same millisecond are ordered by id as on PostgreSQL. No page sorts more than its own rows.
      String match = SearchIndex.fts5(terms);
      String sql = "SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.versions > 0 AND a.search_key IN ("
          + "SELECT rowid FROM article_search WHERE article_search MATCH ? AND rowid >= coalesce(("
          + "SELECT (rowid >> " + SearchIndex.SLOT_BITS + ") << " + SearchIndex.SLOT_BITS
          + " FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0))"
          + " ORDER BY a.last_changed DESC, a.article_id LIMIT ? OFFSET ?";
      return page(sql, page, size, List.of(match, match, Page.offset(page, size) + size), HistoryReader::article);
    }
    String sql = "SELECT " + ARTICLE_COLUMNS + " FROM articles a WHERE a.search @@ to_tsquery('simple', ?)"
        + " AND a.versions > 0 ORDER BY a.last_changed DESC, a.article_id LIMIT ? OFFSET ?";
    return page(sql, page, size, List.of(SearchIndex.tsquery(terms)), HistoryReader::article);
  }

  /** How many versions the store keeps. */
  public long versionCount() {
    return query("SELECT count(*) FROM versions", List.of(), rs -> rs.getLong(1)).get(0);
  }

  private <T> Page<T> page(String sql, int page, int size, List<Object> args, Row<T> row) {
    List<Object> all = new ArrayList<>(args);
    all.add(size + 1);
    all.add(Page.offset(page, size));
    List<T> rows = query(sql, all, row);
    boolean more = rows.size() > size;
    return new Page<>(more ? rows.subList(0, size) : rows, Math.max(1, page), size, more);
  }

  private <T> List<T> query(String sql, List<Object> args, Row<T> row) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        Object a = args.get(i);
        if (a instanceof Integer n) {
          ps.setInt(i + 1, n);
        } else if (a instanceof Long n) {
          ps.setLong(i + 1, n);
        } else {
          ps.setString(i + 1, (String) a);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new NewsdeltaException("history store query failed: " + e.getMessage(), e);
    }
  }

  private static ArticleRow article(ResultSet rs) throws SQLException {
    return new ArticleRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), time(rs, 5),
        time(rs, 6), rs.getInt(7));
  }

  private static ArticleChange change(ResultSet rs) throws SQLException {
    Integer revertOf = rs.getObject(11) == null ? null : rs.getInt(11);
    List<Hunk> hunks;
    try {
      hunks = Json.mapper().readValue(rs.getString(12), HUNKS);
    } catch (IOException e) {
      throw new NewsdeltaException("unreadable hunks in the history store: " + e.getMessage(), e);
    }
    String kind = rs.getString(17);
    return new ArticleChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getInt(6), time(rs, 7), time(rs, 8), rs.getBoolean(9), rs.getBoolean(10), revertOf, hunks,
        new ChangeStats(rs.getInt(13), rs.getInt(14)), rs.getString(15), rs.getString(16), false, null, false, null,
        false, false, false, kind == null ? ArticleChange.Kind.EDIT
            : ArticleChange.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), rs.getString(18));
  }

  private static Instant time(ResultSet rs, int column) throws SQLException {
    long ms = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
