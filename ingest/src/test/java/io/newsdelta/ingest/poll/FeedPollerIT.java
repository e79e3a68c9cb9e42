package io.newsdelta.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.IngestError;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.poll.FeedPoller.Outcome;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.LocalWebServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One feed's poller against a real web server, without Kafka: errors go to a list. */
class FeedPollerIT {
  private static final String RSS =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>http://x/</link>"
          + "<description>d</description><item><title>a</title><link>/news/a</link></item></channel></rss>";

  // No test here is about the timeout: it is generous, for a loaded machine.
  private final HttpFetcher fetcher = HttpFetcher.builder().addressPolicy(AddressPolicy.WITH_LOOPBACK)
      .timeout(Duration.ofSeconds(15)).maxBytes(10_000).build();
  private final List<IngestError> errors = new CopyOnWriteArrayList<>();
  private final List<URI> found = new CopyOnWriteArrayList<>();
  private final List<URI> listedFeeds = new CopyOnWriteArrayList<>();
  private LocalWebServer web;

  @BeforeEach
  void start() {
    web = LocalWebServer.start();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void shouldHandOnEntriesAndThenStopAtNotModified() {
    web.serve("/rss", "application/rss+xml", RSS, "v1");
    FeedPoller poller = poller(found::add);

    assertThat(poller.poll()).isEqualTo(Outcome.PARSED);
    assertThat(poller.poll()).isEqualTo(Outcome.NOT_MODIFIED);

    assertThat(found).containsExactly(web.url("/news/a"));
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldReportAFailureOnceWhileItLastsAndAgainAfterARecovery() {
    FeedPoller poller = poller(found::add);

    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);
    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);
    web.serve("/rss", "text/html", "<html><p>not a feed<br></html>");
    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);
    web.serve("/rss", "application/rss+xml", RSS);
    assertThat(poller.poll()).isEqualTo(Outcome.PARSED);
    web.serve("/rss", 500, "text/plain", "down");
    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);

    assertThat(errors)
        .extracting(IngestError::kind)
        .containsExactly("feed-http-status", "feed-not-xml", "feed-http-status");
    assertThat(errors).allSatisfy(e -> {
      assertThat(e.feedUrl()).isEqualTo(web.url("/rss").toString());
      assertThat(e.url()).isNull();
    });
  }

  @Test
  void shouldHandOnTheFeedsOfAnOpmlList() {
    web.serve("/rss", "text/x-opml", "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>l</title></head>"
        + "<body><outline text=\"News\"><outline type=\"rss\" text=\"a\" xmlUrl=\"/feeds/a.xml\"/></outline>"
        + "</body></opml>");
    FeedPoller poller = poller(found::add);

    assertThat(poller.poll()).isEqualTo(Outcome.PARSED);

    assertThat(listedFeeds).containsExactly(web.url("/feeds/a.xml"));
    assertThat(found).isEmpty();
  }

  @Test
  void shouldSurviveAnUnexpectedExceptionAndReportItAsABug() {
    web.serve("/rss", "application/rss+xml", RSS);
    FeedPoller poller = poller(url -> {
      throw new IllegalStateException("boom");
    });

    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);
    assertThat(poller.poll()).isEqualTo(Outcome.FAILED);

    assertThat(errors).extracting(IngestError::kind).containsExactly("internal-error");
    assertThat(errors.get(0).message()).contains("boom", "bug");
  }

  private FeedPoller poller(java.util.function.Consumer<URI> sink) {
    return new FeedPoller(web.url("/rss"), fetcher, errors::add, (article, feed) -> sink.accept(article),
        (feeds, list) -> listedFeeds.addAll(feeds), Clock.systemUTC(), () -> false);
  }
}
