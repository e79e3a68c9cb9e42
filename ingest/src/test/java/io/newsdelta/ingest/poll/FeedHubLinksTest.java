package io.newsdelta.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** WebSub discovery in the document: the feed-level hub and self links of RSS (atom:link) and Atom. */
class FeedHubLinksTest {
  @Test
  void shouldReadTheHubAndSelfOfAnRssFeedFromItsAtomLinks() throws Exception {
    ParsedFeed feed = FeedParser.parse(resource("/feeds/websub-rss.xml"), "application/rss+xml",
        URI.create("https://news.example.com/live/rss.xml?from=poll"));

    assertThat(feed.hubs()).containsExactly(URI.create("https://pubsubhubbub.appspot.com/"));
    assertThat(feed.self()).isEqualTo(URI.create("https://news.example.com/live/rss.xml"));
    assertThat(feed.articleUrls()).containsExactly(URI.create("https://news.example.com/live/storm-warning-456"));
  }

  @Test
  void shouldReadTheHubAndSelfOfAnAtomFeedResolvedAgainstItsUrl() throws Exception {
    ParsedFeed feed = FeedParser.parse(resource("/feeds/websub-atom.xml"), "application/atom+xml",
        URI.create("https://times.example.org/feeds/atom.xml"));

    assertThat(feed.hubs()).containsExactly(URI.create("https://websub.example.net/hub"));
    assertThat(feed.self()).isEqualTo(URI.create("https://times.example.org/atom.xml"));
  }

  @Test
  void shouldFindNoHubInAFeedThatNamesOnlyItsSelf() throws Exception {
    ParsedFeed feed = FeedParser.parse(resource("/feeds/rss2.xml"), "application/rss+xml",
        URI.create("https://news.example.com/world/rss.xml"));

    assertThat(feed.hubs()).isEmpty();
    assertThat(feed.self()).isEqualTo(URI.create("https://news.example.com/world/rss.xml"));
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = FeedHubLinksTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
