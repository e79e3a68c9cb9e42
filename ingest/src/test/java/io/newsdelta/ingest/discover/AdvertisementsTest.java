package io.newsdelta.ingest.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertisementsTest {
  private static final URI HOME = URI.create("https://www.news.example/");

  @Test
  void shouldListTheFeedsAPageLinksOnceEachResolvedAgainstItsBase() throws IOException {
    List<Advertised> feeds = Advertisements.feeds(text("/discover/home.html"), URI.create("https://news.example/"));

    assertThat(feeds).containsExactly(
        new Advertised(URI.create("https://www.news.example/feeds/top.rss"), "feed", "rss",
            "Example News – Top stories", "link", true),
        new Advertised(URI.create("https://feeds.news.example/world.atom"), "feed", "atom", "World", "link", true),
        // Listed so the user knows of it, but ingest reads RSS, Atom, OPML and sitemaps only.
        new Advertised(URI.create("https://www.news.example/feeds/top.json"), "feed", "json", "JSON", "link", false));
  }

  @Test
  void shouldFindNothingInAPageWithoutFeedLinks() {
    assertThat(Advertisements.feeds("<html><head><link rel=stylesheet type=text/css href=a.css></head></html>", HOME))
        .isEmpty();
  }

  @Test
  void shouldListTheSitemapsOfRobotsTxtOnceEachWhateverTheirCase() throws IOException {
    List<Advertised> sitemaps = Advertisements.sitemaps(text("/discover/robots.txt").getBytes(StandardCharsets.UTF_8),
        HOME.resolve("/robots.txt"));

    assertThat(sitemaps).extracting(Advertised::url).containsExactly(
        URI.create("https://www.news.example/sitemap-news.xml"),
        URI.create("https://www.news.example/sitemaps/index.xml.gz"));
    assertThat(sitemaps).allSatisfy(s -> {
      assertThat(s.kind()).isEqualTo("sitemap");
      assertThat(s.advertisedBy()).isEqualTo("robots.txt");
    });
  }

  @Test
  void shouldFindNoSitemapInARobotsTxtWithoutSitemapLines() {
    assertThat(Advertisements.sitemaps("User-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8),
        HOME.resolve("/robots.txt"))).isEmpty();
  }

  private static String text(String path) throws IOException {
    try (InputStream in = AdvertisementsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
