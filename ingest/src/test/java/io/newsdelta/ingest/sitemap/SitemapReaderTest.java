package io.newsdelta.ingest.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.ingest.sitemap.ParsedSitemap.Page;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
  private static final URI NEWS = URI.create("https://news.example/sitemaps/news.xml");

  @Test
  void shouldReadTheTitleAndPublicationDateOfAGoogleNewsSitemap() throws Exception {
    ParsedSitemap map = SitemapReader.parse(resource("/sitemaps/news-sitemap.xml"), NEWS);

    assertThat(map.index()).isFalse();
    assertThat(map.pages()).containsExactly(
        new Page(URI.create("https://news.example/politics/2026/12/01/budget-vote"),
            Instant.parse("2026-12-01T21:30:00Z"), "Budget passes after late-night vote"),
        // The news publication date wins over lastmod: it is when the story appeared.
        new Page(URI.create("https://news.example/world/2026/12/01/summit"),
            Instant.parse("2026-12-01T17:05:00Z"), "Leaders meet for summit"));
  }

  @Test
  void shouldListThePagesOfAPlainSitemapWithTheirLastmodAndSkipWhatIsNotHttp() throws Exception {
    ParsedSitemap map = SitemapReader.parse(resource("/sitemaps/sitemap.xml"),
        URI.create("https://news.example/sitemap.xml"));

    assertThat(map.pages()).extracting(Page::url).containsExactly(
        URI.create("https://news.example/a/1"), URI.create("https://news.example/a/2"));
    assertThat(map.pages().get(0).date()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(map.pages().get(1).date()).isNull();
  }

  @Test
  void shouldListTheSitemapsOfAnIndexNewestFirst() throws Exception {
    ParsedSitemap map = SitemapReader.parse(resource("/sitemaps/sitemap-index.xml"),
        URI.create("https://news.example/sitemap-index.xml"));

    assertThat(map.index()).isTrue();
    assertThat(map.pages()).isEmpty();
    assertThat(map.sitemaps()).extracting(ParsedSitemap.Child::url).containsExactly(
        URI.create("https://news.example/sitemaps/news.xml.gz"),
        URI.create("https://news.example/sitemaps/2026-10.xml"),
        URI.create("https://news.example/sitemaps/sections.xml"));
  }

  @Test
  void shouldReadAGzippedSitemapWhateverItIsServedAs() throws Exception {
    byte[] gzipped = gzip(resource("/sitemaps/news-sitemap.xml"));

    ParsedSitemap map = SitemapReader.parse(gzipped, URI.create("https://news.example/sitemaps/news.xml.gz"));

    assertThat(map.pages()).hasSize(2);
    assertThat(map.pages().get(0).title()).isEqualTo("Budget passes after late-night vote");
  }

  @Test
  void shouldRefuseATruncatedSitemapWithAClearReason() {
    assertThatThrownBy(() -> SitemapReader.parse(resource("/sitemaps/broken-sitemap.xml"), NEWS))
        .isInstanceOf(SitemapParseException.class)
        .hasMessageStartingWith("not a sitemap")
        .hasMessageNotContaining("\n");
  }

  @Test
  void shouldRefuseAWebPageAndAnEmptyBody() {
    assertThatThrownBy(() -> SitemapReader.parse(resource("/sitemaps/page.html"), NEWS))
        .isInstanceOf(SitemapParseException.class);
    assertThatThrownBy(() -> SitemapReader.parse(new byte[0], NEWS))
        .isInstanceOf(SitemapParseException.class).hasMessage("the document is empty");
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = SitemapReaderTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
