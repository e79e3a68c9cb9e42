package io.newsdelta.ingest;

import static io.newsdelta.ingest.Fixtures.WAIT;
import static io.newsdelta.ingest.Fixtures.config;
import static io.newsdelta.ingest.Fixtures.page;
import static io.newsdelta.ingest.Fixtures.rawVersions;
import static io.newsdelta.ingest.Fixtures.rss;
import static io.newsdelta.ingest.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.events.ArticleIds;
import io.newsdelta.events.RawVersion;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several ingest instances in group {@code newsdelta-ingest}: each feed polled by one of them, each
 * article published once, feeds taken over when an instance stops, feeds added and removed through the
 * registry by other tools.
 */
class IngestScaleOutIT {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final String UA_FIRST = "newsdelta-test/first (+https://newsdelta.example/bot)";
  private static final String UA_SECOND = "newsdelta-test/second (+https://newsdelta.example/bot)";
  @RegisterExtension final IngestTestSite site = new IngestTestSite();

  @Test
  void shouldPollEachFeedFromOneInstanceAndPublishEachArticleOnce() {
    List<URI> feeds = fourFeedsOnBothPartitions();
    MutableClock clock = new MutableClock(T0);

    try (IngestService first = new IngestService(config(UA_FIRST, feeds, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(1)), site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK);
        IngestService second = new IngestService(config(UA_SECOND, feeds, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(1)), site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      // The first instance alone polls every feed and publishes every article; then it hands half the
      // registry over to the second, which knows those articles already.
      first.start();
      await().atMost(WAIT).until(() -> first.polledFeeds().equals(Set.copyOf(feeds)));
      await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> state(site.bootstrap(), articleId(f)).isPresent()));
      second.start();
      await().atMost(WAIT).until(() -> shared(feeds, first, second));

      // Two more polls of every feed: each comes from the instance that owns it.
      Map<URI, Integer> hits = feeds.stream().collect(Collectors.toMap(Function.identity(), f -> site.web().hits(f.getPath())));
      await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> site.web().hits(f.getPath()) >= hits.get(f) + 2));
      assertThat(shared(feeds, first, second)).isTrue();
      for (URI feed : feeds) {
        String owner = first.polledFeeds().contains(feed) ? UA_FIRST : UA_SECOND;
        assertThat(site.web().lastRequestHeaders(feed.getPath())).containsEntry("user-agent", owner);
      }
    }

    for (URI feed : feeds) {
      assertThat(rawVersions(site.bootstrap(), articleId(feed))).hasSize(1);
      assertThat(site.web().hits(story(feed).getPath())).isEqualTo(1);
    }
  }

  @Test
  void shouldHandOverTheStateOfUnchangedChecksKeptInMemoryWhenAnotherInstanceJoins() {
    List<URI> feeds = fourFeedsOnBothPartitions();
    for (URI feed : feeds) {
      site.web().serve(story(feed).getPath(), "text/html", page("Story", "Text of " + feed.getPath() + "."), "v1");
    }
    MutableClock clock = new MutableClock(T0);

    try (IngestService first = new IngestService(config(UA_FIRST, feeds, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)), site.bootstrap(), clock)
            .withAddressPolicy(AddressPolicy.WITH_LOOPBACK);
        IngestService second = new IngestService(config(UA_SECOND, feeds, Duration.ofSeconds(1),
            Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)), site.bootstrap(), clock)
            .withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      first.start();
      await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> state(site.bootstrap(), articleId(f)).isPresent()));
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> first.counters().stateWritesKept() == feeds.size());
      // Four 304s, none written yet.
      assertThat(feeds).allMatch(f -> state(site.bootstrap(), articleId(f)).orElseThrow().fetches() == 1);

      second.start();
      await().atMost(WAIT).until(() -> shared(feeds, first, second));
      // The first instance wrote the kept states of the feeds it gave up before letting them go: the second reads
      // two fetches and the next check an hour after the 304, so it does not check them again now.
      for (URI feed : second.polledFeeds()) {
        assertThat(state(site.bootstrap(), articleId(feed))).hasValueSatisfying(s -> {
          assertThat(s.fetches()).isEqualTo(2);
          assertThat(s.nextCheckAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofHours(1)));
        });
      }
      Map<URI, Integer> polls = feeds.stream().collect(Collectors.toMap(Function.identity(),
          f -> site.web().hits(f.getPath())));
      await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> site.web().hits(f.getPath()) >= polls.get(f) + 2));
      assertThat(feeds).allMatch(f -> site.web().hits(story(f).getPath()) == 2);

      clock.advance(Duration.ofHours(1));
      await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> site.web().hits(story(f).getPath()) == 3));
      for (URI feed : second.polledFeeds()) {
        assertThat(site.web().lastRequestHeaders(story(feed).getPath())).containsEntry("user-agent", UA_SECOND)
            .containsEntry("if-none-match", "\"v1\"");
      }
    }
    assertThat(feeds).allMatch(f -> rawVersions(site.bootstrap(), articleId(f)).size() == 1);
  }

  @Test
  void shouldTakeOverTheFeedsOfAStoppedInstanceAndCarryOnWithTheirSchedule() {
    List<URI> feeds = fourFeedsOnBothPartitions();
    MutableClock clock = new MutableClock(T0);

    URI changed;
    URI unchanged;
    try (IngestService survivor = new IngestService(config(UA_FIRST, feeds, Duration.ofSeconds(1),
        Duration.ofMinutes(5), Duration.ofHours(1)), site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      try (IngestService leaving = new IngestService(config(UA_SECOND, feeds, Duration.ofSeconds(1),
          Duration.ofMinutes(5), Duration.ofHours(1)), site.bootstrap(), clock).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
        survivor.start();
        leaving.start();
        await().atMost(WAIT).until(() -> shared(feeds, survivor, leaving));
        await().atMost(WAIT).until(() -> feeds.stream().allMatch(f -> state(site.bootstrap(), articleId(f)).isPresent()));
        List<URI> handedOver = List.copyOf(leaving.polledFeeds());
        changed = handedOver.get(0);
        unchanged = handedOver.get(1);
      }
      await().atMost(WAIT).until(() -> survivor.polledFeeds().equals(Set.copyOf(feeds)));
      site.web().serve(story(changed).getPath(), "text/html", page("Story", "Rewritten after the hand-over."));

      // The first re-check of every article is due: the survivor runs those of the feeds it took over too. The
      // unchanged ones' states are kept in memory until the survivor stops (StateWrites), so count its checks.
      long checksBefore = survivor.counters().checks();
      clock.advance(Duration.ofMinutes(5));
      await().atMost(WAIT).until(() -> survivor.counters().checks() - checksBefore == feeds.size());
      assertThat(site.web().lastRequestHeaders(story(changed).getPath())).containsEntry("user-agent", UA_FIRST);
      assertThat(site.web().lastRequestHeaders(story(unchanged).getPath())).containsEntry("user-agent", UA_FIRST);
    }

    List<RawVersion> versions = rawVersions(site.bootstrap(), articleId(changed));
    assertThat(versions).extracting(RawVersion::fetchedAt).containsExactly(T0, T0.plus(Duration.ofMinutes(5)));
    assertThat(versions.get(1).body()).contains("Rewritten after the hand-over.");
    assertThat(rawVersions(site.bootstrap(), articleId(unchanged))).hasSize(1);
    for (URI feed : feeds) {
      assertThat(site.web().hits(story(feed).getPath())).isEqualTo(2);
      assertThat(state(site.bootstrap(), articleId(feed))).hasValueSatisfying(s -> assertThat(s.fetches()).isEqualTo(2));
      assertThat(rawVersions(site.bootstrap(), articleId(feed))).hasSize(feed.equals(changed) ? 2 : 1);
    }
  }

  @Test
  void shouldPollAFeedAnotherToolRegisteredUntilItIsRemoved() {
    URI configured = site.web().url("/configured/rss");
    URI external = site.web().url("/external/rss");
    site.web().serve(configured.getPath(), "application/rss+xml", rss(story(configured)));
    site.web().serve(story(configured).getPath(), "text/html", page("Configured", "From the configuration."));
    site.web().serve(external.getPath(), "application/rss+xml", rss(story(external)));
    site.web().serve(story(external).getPath(), "text/html", page("External", "From the registry alone."));

    try (IngestService ingest =
        new IngestService(config(List.of(configured), Duration.ofSeconds(1), Duration.ofHours(1)), site.bootstrap()).withAddressPolicy(AddressPolicy.WITH_LOOPBACK)) {
      ingest.start();
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId(configured)).size() == 1);

      Fixtures.register(site.bootstrap(), external, "registered by another tool");
      await().atMost(WAIT).until(() -> rawVersions(site.bootstrap(), articleId(external)).size() == 1);
      assertThat(rawVersions(site.bootstrap(), articleId(external)).get(0).feedUrl()).isEqualTo(external.toString());

      Fixtures.unregister(site.bootstrap(), external);
      await().atMost(WAIT).until(() -> !ingest.polledFeeds().contains(external));
      // A poll that was under way may still land; after one more poll of the configured feed none can.
      int configuredHits = site.web().hits(configured.getPath());
      await().atMost(WAIT).until(() -> site.web().hits(configured.getPath()) >= configuredHits + 1);
      int externalHits = site.web().hits(external.getPath());
      await().atMost(WAIT).until(() -> site.web().hits(configured.getPath()) >= configuredHits + 3);
      assertThat(site.web().hits(external.getPath())).isEqualTo(externalHits);
      assertThat(ingest.polledFeeds()).containsExactly(configured);
    }
    assertThat(rawVersions(site.bootstrap(), articleId(external))).hasSize(1);
  }

  /** Whether the two instances poll disjoint, non-empty sets of feeds that together are all of them. */
  private static boolean shared(List<URI> feeds, IngestService a, IngestService b) {
    Set<URI> first = a.polledFeeds();
    Set<URI> second = b.polledFeeds();
    Set<URI> union = new HashSet<>(first);
    union.addAll(second);
    return !first.isEmpty() && !second.isEmpty() && union.size() == first.size() + second.size()
        && union.equals(Set.copyOf(feeds));
  }

  /** Four feeds with one article each, two on each partition of the registry (the test topics have two). */
  private List<URI> fourFeedsOnBothPartitions() {
    List<URI> zero = new ArrayList<>();
    List<URI> one = new ArrayList<>();
    for (int i = 0; zero.size() < 2 || one.size() < 2; i++) {
      URI feed = site.web().url("/f" + i + "/rss");
      List<URI> side = Fixtures.partitionOf(feed.toString(), 2) == 0 ? zero : one;
      if (side.size() < 2) {
        side.add(feed);
        site.web().serve(feed.getPath(), "application/rss+xml", rss(story(feed)));
        site.web().serve(story(feed).getPath(), "text/html", page("Story " + i, "First text of story " + i + "."));
      }
    }
    List<URI> feeds = new ArrayList<>(zero);
    feeds.addAll(one);
    return feeds;
  }

  private static URI story(URI feed) {
    return feed.resolve("story");
  }

  private static String articleId(URI feed) {
    return ArticleIds.of(story(feed).toString());
  }
}
