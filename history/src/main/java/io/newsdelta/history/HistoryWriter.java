package io.newsdelta.history;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Applies events to the store. Idempotent: a version is upserted on (article id, version), a change on its
 * change id, so reading the topics again never doubles a row; the article's counts and newest headline are
 * recomputed from its rows, never incremented.
 */
public final class HistoryWriter {
  private static final String UPSERT_VERSION =
      """
      INSERT INTO versions (article_id, version, url, observed_at, title, byline, standfirst, paragraphs, text_sha256)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (article_id, version) DO UPDATE SET url = excluded.url, observed_at = excluded.observed_at,
        title = excluded.title, byline = excluded.byline, standfirst = excluded.standfirst,
        paragraphs = excluded.paragraphs, text_sha256 = excluded.text_sha256
      """;
  private static final String UPSERT_CHANGE =
      """
      INSERT INTO changes (change_id, article_id, url, title, previous_title, from_version, to_version,
        from_observed_at, to_observed_at, headline_changed, minor, revert_of, words_added, words_removed, summary, hunks,
        kind, moved_to)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (change_id) DO UPDATE SET url = excluded.url, title = excluded.title,
        previous_title = excluded.previous_title, from_observed_at = excluded.from_observed_at,
        to_observed_at = excluded.to_observed_at, headline_changed = excluded.headline_changed,
        minor = excluded.minor, revert_of = excluded.revert_of, words_added = excluded.words_added,
        words_removed = excluded.words_removed, summary = excluded.summary, hunks = excluded.hunks,
        kind = excluded.kind, moved_to = excluded.moved_to
      """;
  private static final String ENSURE_ARTICLE =
      "INSERT INTO articles (article_id, url) VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING";
  private static final String SET_FEED =
      """
      INSERT INTO articles (article_id, url, feed_url) VALUES (?, ?, ?)
      ON CONFLICT (article_id) DO UPDATE SET feed_url = excluded.feed_url
      """;
  private static final String COUNT_VERSIONS =
      """
      UPDATE articles SET
        versions = (SELECT count(*) FROM versions v WHERE v.article_id = ?),
        latest_version = (SELECT coalesce(max(version), 0) FROM versions v WHERE v.article_id = ?),
        first_seen = (SELECT min(observed_at) FROM versions v WHERE v.article_id = ?)
      WHERE article_id = ?
      """;
  private static final String SET_LATEST =
      """
      UPDATE articles SET url = v.url, title = v.title, last_changed = v.observed_at
      FROM versions v WHERE articles.article_id = ? AND v.article_id = articles.article_id
        AND v.version = articles.latest_version
      """;
  private static final String UPSERT_FEED =
      "INSERT INTO feeds (feed_url, name) VALUES (?, ?) ON CONFLICT (feed_url) DO UPDATE SET name = excluded.name";

  private final Dialect dialect;
  private final DataSource ds;

  HistoryWriter(Dialect dialect, DataSource ds) {
    this.dialect = dialect;
    this.ds = ds;
  }

  /** Writes a batch in one transaction: all of it or, on an error, none of it. */
  public void apply(EventBatch batch) {
    if (batch.size() == 0) {
      return;
    }
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        write(c, batch);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new NewsdeltaException("cannot write " + batch.size() + " events to the history store: " + e.getMessage(), e);
    }
  }

  private void write(Connection c, EventBatch batch) throws SQLException {
    try (PreparedStatement feed = c.prepareStatement(UPSERT_FEED)) {
      for (FeedRegistration f : batch.feeds()) {
        feed.setString(1, f.url());
        feed.setString(2, f.name());
        feed.addBatch();
      }
      feed.executeBatch();
    }
    try (PreparedStatement member = c.prepareStatement(SET_FEED)) {
      for (FeedMembership m : batch.memberships()) {
        member.setString(1, m.articleId());
        member.setString(2, m.url() == null ? m.articleId() : m.url());
        member.setString(3, m.feedUrl());
        member.addBatch();
      }
      member.executeBatch();
    }
    // The latest version's URL per article, to create missing article rows before counting.
    Map<String, String> touched = new LinkedHashMap<>();
    try (PreparedStatement version = c.prepareStatement(UPSERT_VERSION)) {
      for (ArticleVersion v : batch.versions()) {
        version.setString(1, v.articleId());
        version.setInt(2, v.version());
        version.setString(3, v.url());
        setTime(version, 4, v.observedAt());
        version.setString(5, v.title());
        version.setString(6, v.byline());
        version.setString(7, v.standfirst());
        version.setString(8, Json.write(v.paragraphs()));
        version.setString(9, v.textSha256());
        version.addBatch();
        touched.put(v.articleId(), v.url() == null ? v.articleId() : v.url());
      }
      version.executeBatch();
    }
    try (PreparedStatement change = c.prepareStatement(UPSERT_CHANGE)) {
      for (ArticleChange ch : batch.changes()) {
        change.setString(1, ch.changeId());
        change.setString(2, ch.articleId());
        change.setString(3, ch.url());
        change.setString(4, ch.title());
        change.setString(5, ch.previousTitle());
        change.setInt(6, ch.fromVersion());
        change.setInt(7, ch.toVersion());
        setTime(change, 8, ch.fromObservedAt());
        setTime(change, 9, ch.toObservedAt());
        change.setBoolean(10, ch.headlineChanged());
        change.setBoolean(11, ch.minor());
        if (ch.revertOf() == null) {
          change.setNull(12, Types.INTEGER);
        } else {
          change.setInt(12, ch.revertOf());
        }
        change.setInt(13, ch.stats() == null ? 0 : ch.stats().wordsAdded());
        change.setInt(14, ch.stats() == null ? 0 : ch.stats().wordsRemoved());
        change.setString(15, ch.summary());
        change.setString(16, Json.write(ch.hunks()));
        change.setString(17, ch.kind().name().toLowerCase(java.util.Locale.ROOT));
        change.setString(18, ch.movedTo());
        change.addBatch();
      }
      change.executeBatch();
    }
    if (!touched.isEmpty()) {
      refreshArticles(c, touched);
    }
  }

  /** Recomputes the touched articles' counts, newest headline and search text from their version rows. */
  private void refreshArticles(Connection c, Map<String, String> touched) throws SQLException {
    try (PreparedStatement ensure = c.prepareStatement(ENSURE_ARTICLE);
        PreparedStatement count = c.prepareStatement(COUNT_VERSIONS);
        PreparedStatement latest = c.prepareStatement(SET_LATEST)) {
      for (Map.Entry<String, String> a : touched.entrySet()) {
        ensure.setString(1, a.getKey());
        ensure.setString(2, a.getValue());
        ensure.addBatch();
        for (int i = 1; i <= 4; i++) {
          count.setString(i, a.getKey());
        }
        count.addBatch();
        latest.setString(1, a.getKey());
        latest.addBatch();
      }
      ensure.executeBatch();
      count.executeBatch();
      latest.executeBatch();
    }
    SearchIndex.refresh(dialect, c, touched.keySet());
  }

  /** Empties every table (before a rebuild from the topics). */
  public void truncate() {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      if (dialect == Dialect.POSTGRESQL) {
        s.execute("TRUNCATE feeds, articles, versions, changes, feed_counts");
      } else {
        s.execute("INSERT INTO article_search (article_search) VALUES ('delete-all')");
        // articles before feed_counts: its triggers update the counts as rows go.
        for (String table : new String[] {"feeds", "articles", "versions", "changes", "feed_counts"}) {
          s.execute("DELETE FROM " + table);
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new NewsdeltaException("cannot empty the history store: " + e.getMessage(), e);
    }
  }

  private static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, at.toEpochMilli());
    }
  }
}
