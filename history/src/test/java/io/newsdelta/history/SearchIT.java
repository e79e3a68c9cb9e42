package io.newsdelta.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.testsupport.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search on a real SQLite file and a real PostgreSQL server, against the same stored articles: each answer is
 * checked page by page against a plain reading of the texts (every term present, a phrase's words in a row, the
 * newest change first, ties by article id), and the two databases against each other.
 */
class SearchIT {
  private static final String FEED = "https://news.example/rss.xml";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final String[] WORDS = {
      "storm", "coast", "minister", "said", "police", "flood", "café", "naïve", "not", "near", "and", "or",
      "council", "warning", "budget", "rise", "Zürich", "école", "2026", "x7"};
  private static final List<String> QUERIES = List.of(
      "storm", "STORM coast", "minister said", "\"minister said\"", "\"said minister\"", "cafe", "Café naive",
      "ZURICH", "ecole 2026", "x7", "not", "near or", "AND", "uk-politics", "politics uk", "news example",
      "\"storm coast police\"", "flood warning budget rise", "nothing-matches-this", "zzz", "story 7",
      "\"storm", "storm\"", "coast\" \"police flood");
  /** What a reader may type that is query syntax to one database or the other; never an error. */
  private static final List<String> HOSTILE = List.of("\"", "*", "-", "-storm", "storm*", "(", ")", ":", "^",
      "'", "''", "\\", "&", "|", "!", "<->", "NEAR(storm coast)", "storm AND", "OR", "title:storm", "{", "%", "_",
      "\"\"\"", "' OR 1=1 --", "\u0000", "storm & !coast", "<script>");

  /**
   * Sixty articles in two feeds; their last changes fall on a few instants only, so that many share a
   * millisecond and the tie-break is exercised on every page.
   */
  private static List<ArticleVersion> corpus() {
    Random random = new Random(11);
    List<ArticleVersion> out = new ArrayList<>();
    for (int a = 0; a < 60; a++) {
      String id = (a % 2 == 0 ? "https://news.example/uk-politics/" : "https://news.example/world/") + "story-" + a;
      Instant at = T0.plusMillis(1000L * random.nextInt(6));
      int versions = 1 + random.nextInt(2);
      for (int v = 1; v <= versions; v++) {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
          StringBuilder s = new StringBuilder();
          for (int w = 0; w < 4 + random.nextInt(8); w++) {
            s.append(w == 0 ? "" : random.nextInt(5) == 0 ? ", " : " ").append(WORDS[random.nextInt(WORDS.length)]);
          }
          paragraphs.add(s.append('.').toString());
        }
        out.add(new ArticleVersion(id, id, v, at.plusSeconds(60L * (v - 1)),
            "Story " + a + ": " + WORDS[random.nextInt(WORDS.length)], null, paragraphs, "sha" + v, null));
      }
    }
    return out;
  }

  private static EventBatch batch(List<ArticleVersion> versions) {
    EventBatch.Builder b = new EventBatch.Builder().add(new FeedRegistration(FEED, "Example"));
    for (ArticleVersion v : versions) {
      b.add(new FeedMembership(v.articleId(), v.url(), FEED));
      b.add(v);
    }
    return b.build();
  }

  /** The articles a query must find, in page order, read from the texts without any database. */
  private static List<String> expected(List<ArticleVersion> corpus, String query) {
    List<List<String>> terms = SearchIndex.terms(query);
    if (terms.isEmpty()) {
      return List.of();
    }
    List<ArticleVersion> newest = new ArrayList<>();
    for (ArticleVersion v : corpus) {
      newest.removeIf(n -> n.articleId().equals(v.articleId()) && n.version() < v.version());
      if (newest.stream().noneMatch(n -> n.articleId().equals(v.articleId()))) {
        newest.add(v);
      }
    }
    return newest.stream()
        .filter(v -> {
          List<String> words = List.of(
              SearchIndex.text(v.title(), v.url(), v.standfirst(), Json.write(v.paragraphs())).split(" "));
          return terms.stream().allMatch(t -> Collections.indexOfSubList(words, t) >= 0);
        })
        .sorted(Comparator.comparing(ArticleVersion::observedAt).reversed().thenComparing(ArticleVersion::articleId))
        .map(ArticleVersion::articleId)
        .toList();
  }

  private static List<String> allPages(HistoryReader r, String query, int size) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      Page<ArticleRow> p = r.search(query, page, size);
      assertThat(p.items().size()).as("page %d of %s", page, query).isLessThanOrEqualTo(size);
      p.items().forEach(a -> ids.add(a.articleId()));
      if (!p.more()) {
        return ids;
      }
      assertThat(p.items()).as("a page with more after it is full").hasSize(size);
    }
  }

  @Test
  void shouldFindTheSameArticlesInTheSameOrderOnSqliteAndPostgresql() {
    List<ArticleVersion> corpus = corpus();
    try (HistoryStore sqlite = HistoryStore.open(Databases.sqlite());
        HistoryStore postgres = HistoryStore.open(TestPostgres.shared().newDatabase())) {
      sqlite.writer().apply(batch(corpus));
      postgres.writer().apply(batch(corpus));
      int found = 0;
      for (String q : QUERIES) {
        List<String> want = expected(corpus, q);
        found += want.isEmpty() ? 0 : 1;
        for (int size : new int[] {1, 4, 7, 50}) {
          assertThat(allPages(sqlite.reader(), q, size)).as("SQLite, %s, pages of %d", q, size).isEqualTo(want);
          assertThat(allPages(postgres.reader(), q, size)).as("PostgreSQL, %s, pages of %d", q, size)
              .isEqualTo(want);
        }
      }
      // The queries are not all empty-handed (which would make the comparison vacuous).
      assertThat(found).isGreaterThan(QUERIES.size() / 2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldMatchAPhraseOnlyWithItsWordsInARow(Supplier<String> db) {
    String a = "https://news.example/a";
    String b = "https://news.example/b";
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(new EventBatch.Builder()
          .add(Events.version(a, 1, 0, "Storm hits the coast", "The minister said nothing."))
          .add(Events.version(b, 1, 5, "Coast guard", "Said the minister: a storm hits."))
          .build());
      HistoryReader r = store.reader();
      assertThat(ids(r.search("minister said", 1, 10))).containsExactly(b, a);
      assertThat(ids(r.search("\"minister said\"", 1, 10))).containsExactly(a);
      assertThat(ids(r.search("\"said the minister\"", 1, 10))).containsExactly(b);
      assertThat(ids(r.search("\"storm hits\" coast", 1, 10))).containsExactly(b, a);
      assertThat(ids(r.search("\"storm hits the coast\"", 1, 10))).containsExactly(a);
      assertThat(ids(r.search("\"hits storm\"", 1, 10))).isEmpty();
      assertThat(ids(r.search("coast flood", 1, 10))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldAnswerEveryQuerySyntaxAReaderTypesWithoutAnError(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(batch(corpus()));
      for (String q : HOSTILE) {
        assertThatCode(() -> store.reader().search(q, 1, 10)).as(q).doesNotThrowAnyException();
      }
      assertThat(store.reader().search("\"", 1, 10).items()).isEmpty();
      assertThat(store.reader().search("*", 1, 10).items()).isEmpty();
      assertThat(store.reader().search("-", 1, 10).items()).isEmpty();
      assertThat(ids(store.reader().search("storm*", 1, 100)))
          .isEqualTo(ids(store.reader().search("storm", 1, 100))).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldKeepOneIndexEntryPerArticleWhenEventsAreReplayedOrArriveLate(Supplier<String> db) {
    String id = "https://news.example/late";
    ArticleVersion v1 = Events.version(id, 1, 0, "Storm hits coast", "First text about floods.");
    ArticleVersion v2 = Events.version(id, 2, 30, "Storm batters coast", "Second text about rain.");
    ArticleVersion other = Events.version("https://news.example/other", 1, 10, "Other storm", "Rain.");
    try (HistoryStore store = HistoryStore.open(db.get())) {
      HistoryReader r = store.reader();
      store.writer().apply(new EventBatch.Builder().add(v2).add(other).build());
      store.writer().apply(new EventBatch.Builder().add(v1).build()); // late: must not replace the newest text
      store.writer().apply(new EventBatch.Builder().add(v1).add(v2).add(other).build()); // replayed
      assertThat(ids(r.search("storm", 1, 10))).containsExactly(id, other.articleId());
      assertThat(ids(r.search("rain", 1, 10))).containsExactly(id, other.articleId());
      assertThat(ids(r.search("floods", 1, 10))).isEmpty();

      // A newer version of the other article moves it first, and its old text is forgotten.
      store.writer().apply(new EventBatch.Builder()
          .add(Events.version(other.articleId(), 2, 60, "Other storm, later", "Sunshine.")).build());
      assertThat(ids(r.search("storm", 1, 10))).containsExactly(other.articleId(), id);
      assertThat(ids(r.search("rain", 1, 10))).containsExactly(id);
      assertThat(ids(r.search("sunshine", 1, 10))).containsExactly(other.articleId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldKeepTheFeedsArticleCountsAsArticlesJoinAndMove(Supplier<String> db) {
    String other = "https://other.example/rss";
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(batch(corpus()));
      store.writer().apply(batch(corpus())); // replayed: no article counted twice
      store.writer().apply(new EventBatch.Builder().add(new FeedRegistration(other, "Other"))
          .add(new FeedMembership("https://news.example/world/story-1", null, other))
          .add(new FeedMembership("https://news.example/new", null, other))
          .build());
      assertThat(store.reader().feeds(10)).extracting(FeedRow::feedUrl, FeedRow::articles)
          .containsExactlyInAnyOrder(tuple(FEED, 59),
              tuple(other, 2));
      store.writer().truncate();
      store.writer().apply(new EventBatch.Builder().add(new FeedRegistration(other, "Other")).build());
      assertThat(store.reader().feeds(10)).extracting(FeedRow::articles).containsExactly(0);
    }
  }

  static List<String> ids(Page<ArticleRow> page) {
    return page.items().stream().map(ArticleRow::articleId).toList();
  }
}
