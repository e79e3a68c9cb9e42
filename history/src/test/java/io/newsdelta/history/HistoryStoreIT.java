package io.newsdelta.history;

import static io.newsdelta.history.Events.change;
import static io.newsdelta.history.Events.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.FeedRegistration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store on a real SQLite file and a real PostgreSQL server: the same tests, both databases. */
class HistoryStoreIT {
  private static final String STORM = "https://news.example/world/storm-2026";
  private static final String BUDGET = "https://news.example/politics/budget";
  private static final String FEED = "https://news.example/rss.xml";

  private static final ArticleVersion S1 = version(STORM, 1, 0, "Storm hits coast",
      "Residents were told to stay indoors.", "Ten people were hurt, police said.");
  private static final ArticleVersion S2 = version(STORM, 2, 40, "Storm batters coast",
      "Residents were told to stay indoors.", "Twelve people were hurt, police said on Monday.");
  private static final ArticleVersion S3 = version(STORM, 3, 90, "Storm batters coast, hundreds evacuated",
      "Residents were told to stay indoors.", "Twelve people were hurt.", "Hundreds were evacuated.");
  private static final ArticleVersion B1 = version(BUDGET, 1, 10, "Chancellor's budget <script>alert(1)</script>",
      "Taxes will rise, the chancellor said.");

  private static EventBatch everything() {
    return new EventBatch.Builder()
        .add(new FeedRegistration(FEED, "Example News"))
        .add(new FeedMembership(STORM, STORM, FEED))
        .add(S1).add(S2).add(S3).add(B1)
        .add(change(S1, S2)).add(change(S2, S3))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldNeverDoubleARowWhenTheSameEventsAreWrittenAgain(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      store.writer().apply(everything());
      store.writer().apply(new EventBatch.Builder().add(S2).add(change(S1, S2)).build());

      HistoryReader r = store.reader();
      assertThat(r.versionCount()).isEqualTo(4);
      assertThat(r.timeline(STORM)).extracting(VersionMeta::version).containsExactly(1, 2, 3);
      assertThat(r.changesOf(STORM)).extracting(ArticleChange::changeId)
          .containsExactly(STORM + "#1-2", STORM + "#2-3");
      ArticleRow storm = r.article(STORM).orElseThrow();
      assertThat(storm.versions()).isEqualTo(3);
      assertThat(storm.title()).isEqualTo("Storm batters coast, hundreds evacuated");
      assertThat(storm.firstSeen()).isEqualTo(S1.observedAt());
      assertThat(storm.lastChanged()).isEqualTo(S3.observedAt());
      assertThat(storm.feedUrl()).isEqualTo(FEED);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldKeepTheNewestHeadlineWhenAnOlderVersionArrivesLate(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(new EventBatch.Builder().add(S3).build());
      store.writer().apply(new EventBatch.Builder().add(S1).add(S2).build());
      ArticleRow storm = store.reader().article(STORM).orElseThrow();
      assertThat(storm.title()).isEqualTo(S3.title());
      assertThat(storm.versions()).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldReturnVersionsWithTheirTextAndChangesWithTheirHunks(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      HistoryReader r = store.reader();
      assertThat(r.version(STORM, 2)).contains(S2);
      assertThat(r.version(STORM, 9)).isEmpty();
      assertThat(r.article("https://nowhere.example/")).isEmpty();
      ArticleChange c = r.changesOf(STORM).get(0);
      assertThat(c).isEqualTo(change(S1, S2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldListArticlesNewestFirstByFeedAndPaginate(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      HistoryReader r = store.reader();
      Page<ArticleRow> first = r.articles(null, 1, 1);
      assertThat(first.items()).extracting(ArticleRow::articleId).containsExactly(STORM);
      assertThat(first.more()).isTrue();
      Page<ArticleRow> second = r.articles(null, 2, 1);
      assertThat(second.items()).extracting(ArticleRow::articleId).containsExactly(BUDGET);
      assertThat(second.more()).isFalse();
      assertThat(r.articles(FEED, 1, 10).items()).extracting(ArticleRow::articleId).containsExactly(STORM);
      assertThat(r.feeds(10)).singleElement()
          .satisfies(f -> {
            assertThat(f.feedUrl()).isEqualTo(FEED);
            assertThat(f.name()).isEqualTo("Example News");
            assertThat(f.articles()).isEqualTo(1);
          });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldServeTheLatestChangesOfAllOneFeedAndOneArticle(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      HistoryReader r = store.reader();
      assertThat(r.latestChanges(null, null, 10)).extracting(ArticleChange::toVersion).containsExactly(3, 2);
      assertThat(r.latestChanges(FEED, null, 10)).hasSize(2);
      assertThat(r.latestChanges("https://other.example/rss", null, 10)).isEmpty();
      assertThat(r.latestChanges(null, STORM, 1)).extracting(ArticleChange::toVersion).containsExactly(3);
      assertThat(r.latestChanges(null, BUDGET, 10)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldKeepTheKindOfARemovalOrMoveAndNotCountItAsARevision(Supplier<String> db) {
    ArticleChange moved = new ArticleChange(STORM + "#3-3-moved-1", STORM, STORM, S3.title(), 3, 3,
        S3.observedAt(), S3.observedAt().plusSeconds(7200), false, false, null, java.util.List.of(),
        new io.newsdelta.events.ChangeStats(0, 0), "Article moved to https://news.example/weather (301 Moved Permanently)",
        S3.title(), false, null, false, null, false, false, false, ArticleChange.Kind.MOVED,
        "https://news.example/weather");
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      store.writer().apply(new EventBatch.Builder().add(moved).build());
      HistoryReader r = store.reader();

      assertThat(r.changesOf(STORM)).last().isEqualTo(moved);
      assertThat(r.changesOf(STORM).get(0).kind()).isEqualTo(ArticleChange.Kind.EDIT);
      assertThat(r.latestChanges(null, STORM, 1)).containsExactly(moved);
      assertThat(r.mostRevised(Events.T0, 10)).singleElement()
          .satisfies(row -> assertThat(row.changes()).isEqualTo(2));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldRankTheMostRevisedArticlesOfAPeriod(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      HistoryReader r = store.reader();
      assertThat(r.mostRevised(Events.T0, 10)).singleElement()
          .satisfies(row -> {
            assertThat(row.article().articleId()).isEqualTo(STORM);
            assertThat(row.changes()).isEqualTo(2);
          });
      // Only the change to version 3 (at +90 min) is after +60 min.
      assertThat(r.mostRevised(Events.T0.plusSeconds(3600), 10)).singleElement()
          .satisfies(row -> assertThat(row.changes()).isEqualTo(1));
      assertThat(r.mostRevised(Instant.parse("2030-01-01T00:00:00Z"), 10)).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldFindArticlesByHeadlineUrlAndTextWithTheDatabasesFullTextSearch(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      HistoryReader r = store.reader();
      assertThat(ids(r.search("evacuated", 1, 10))).containsExactly(STORM);
      assertThat(ids(r.search("Hundreds EVACUATED", 1, 10))).containsExactly(STORM);
      assertThat(ids(r.search("politics", 1, 10))).containsExactly(BUDGET);
      assertThat(ids(r.search("taxes chancellor", 1, 10))).containsExactly(BUDGET);
      assertThat(ids(r.search("taxes evacuated", 1, 10))).isEmpty();
      // Only the newest text is searched: "Monday" was in version 2 only.
      assertThat(ids(r.search("monday", 1, 10))).isEmpty();
      // What a reader types is never query syntax.
      assertThat(ids(r.search("\"storm\"* ( - :", 1, 10))).containsExactly(STORM);
      assertThat(ids(r.search("<script>", 1, 10))).containsExactly(BUDGET);
      assertThat(ids(r.search("  ", 1, 10))).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldBeEmptyAfterTruncateAndReadyWhileOpen(Supplier<String> db) {
    try (HistoryStore store = HistoryStore.open(db.get())) {
      store.writer().apply(everything());
      assertThat(store.ready()).isTrue();
      store.writer().truncate();
      assertThat(store.reader().versionCount()).isZero();
      assertThat(store.reader().articles(null, 1, 10).items()).isEmpty();
      assertThat(store.reader().search("storm", 1, 10).items()).isEmpty();
      store.writer().apply(everything());
      assertThat(store.reader().search("storm", 1, 10).items()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.newsdelta.history.Databases#both")
  void shouldKeepTheHistoryAcrossReopeningTheSameDatabase(Supplier<String> db) {
    String url = db.get();
    try (HistoryStore store = HistoryStore.open(url)) {
      store.writer().apply(everything());
    }
    try (HistoryStore again = HistoryStore.open(url)) {
      assertThat(again.reader().versionCount()).isEqualTo(4);
    }
  }

  private static java.util.List<String> ids(Page<ArticleRow> page) {
    return page.items().stream().map(ArticleRow::articleId).toList();
  }
}
