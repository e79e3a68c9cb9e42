package io.newsdelta.ingest.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.events.FeedRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlFileTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OpmlFileTest.class.getResourceAsStream("/opml/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void shouldReadNestedOutlinesOfOpml2WithTheirNamesKindsAndSchedules() throws Exception {
    OpmlFile.Read read = OpmlFile.read(resource("subscriptions-2.0.opml"));

    assertThat(read.feeds()).containsExactly(
        new FeedRegistration("https://feeds.bbci.co.uk/news/uk/rss.xml", "BBC News — UK", "feed", "gaps"),
        new FeedRegistration("https://www.theguardian.com/uk-news/rss", "Guardian UK", "feed", "gaps"),
        new FeedRegistration("https://www.politicshome.com/news/rss", "Politics Home", "feed", "geometric"),
        new FeedRegistration("https://www.reuters.com/arc/outboundfeeds/news-sitemap/", "Reuters sitemap", "sitemap",
            "gaps"));
    assertThat(read.problems()).containsExactly(
        "outline /3 (Broken one): xmlUrl 'feed://not-http.example/rss' is not an absolute http or https URL; skipped",
        "outline /4 (No URL) is of type rss but has no xmlUrl; skipped");
  }

  @Test
  void shouldReadOpml1InItsDeclaredEncoding() throws Exception {
    assertThat(OpmlFile.read(resource("newsblur-1.0.opml")).feeds()).extracting(FeedRegistration::name)
        .containsExactly("Le Monde", "Café Babel");
  }

  @Test
  void shouldRefuseAFileThatIsNotOpmlOrDeclaresADoctype() {
    assertThatThrownBy(() -> OpmlFile.read("<opml><body><outline".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OpmlFile.NotOpmlException.class);
    assertThatThrownBy(() -> OpmlFile.read("<rss version=\"2.0\"><channel><title>x</title></channel></rss>"
        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(OpmlFile.NotOpmlException.class).hasMessageContaining("not OPML");
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<opml version=\"2.0\"><head/><body><outline text=\"&x;\" xmlUrl=\"https://a.example/rss\"/></body></opml>";
    assertThatThrownBy(() -> OpmlFile.read(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OpmlFile.NotOpmlException.class);
  }

  @Test
  void shouldWriteOpmlThatReadsBackToTheSameFeeds() throws Exception {
    List<FeedRegistration> feeds = List.of(
        new FeedRegistration("https://a.example/rss", "A & B", "feed", "geometric"),
        new FeedRegistration("https://b.example/sitemap.xml", null, "sitemap", "gaps"));

    String written = OpmlFile.write(feeds, new Date(0));

    assertThat(written).contains("<opml version=\"2.0\">", "xmlUrl=\"https://a.example/rss\"", "A &amp; B");
    assertThat(OpmlFile.read(written.getBytes(StandardCharsets.UTF_8)).feeds()).containsExactly(
        new FeedRegistration("https://a.example/rss", "A & B", "feed", "geometric"),
        new FeedRegistration("https://b.example/sitemap.xml", "https://b.example/sitemap.xml", "sitemap", "gaps"));
  }
}
