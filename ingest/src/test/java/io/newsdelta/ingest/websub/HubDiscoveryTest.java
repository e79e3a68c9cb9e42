package io.newsdelta.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.websub.HubDiscovery.Advertisement;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubDiscoveryTest {
  private static final URI FEED = URI.create("https://news.example/rss.xml");
  private static final URI HUB = URI.create("https://hub.example/");
  private static final URI OTHER_HUB = URI.create("https://other-hub.example/");

  @Test
  void shouldPreferTheLinkHeaderToTheDocument() {
    assertThat(HubDiscovery.of(FEED, FEED, List.of("<https://hub.example/>; rel=hub, <https://news.example/self>; rel=self"),
        List.of(OTHER_HUB), URI.create("https://news.example/doc-self")))
        .contains(new Advertisement(HUB, URI.create("https://news.example/self")));
  }

  @Test
  void shouldTakeTheTopicFromTheDocumentWhenTheHeaderNamesOnlyTheHub() {
    assertThat(HubDiscovery.of(FEED, FEED, List.of("<https://hub.example/>; rel=hub"), List.of(),
        URI.create("https://news.example/doc-self")))
        .contains(new Advertisement(HUB, URI.create("https://news.example/doc-self")));
  }

  @Test
  void shouldUseTheDocumentsHubAndFallBackToTheFeedUrlAsTopic() {
    assertThat(HubDiscovery.of(FEED, FEED, List.of(), List.of(HUB, OTHER_HUB), null))
        .contains(new Advertisement(HUB, FEED));
  }

  @Test
  void shouldFindNothingWithoutAHub() {
    assertThat(HubDiscovery.of(FEED, FEED, List.of("<https://news.example/self>; rel=self"), List.of(),
        URI.create("https://news.example/self"))).isEmpty();
  }
}
