package io.newsdelta.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a feed publisher serves, parsing gives a feed or a {@link FeedParseException} that says what is
 * wrong — never another exception — and a well-formed feed gives exactly its entries' links.
 */
class FeedParserPropertiesTest {
  private static final URI FEED = URI.create("https://news.example/feeds/world.xml");

  private static final String[] PIECES = {"<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-16'?>",
      "<rss version=\"2.0\">", "</rss>", "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>",
      "<link>", "</link>", "https://news.example/a", "/relative/b", "javascript:alert(1)", "<guid>", "</guid>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "</feed>", "<entry>", "</entry>", "<link href=\"/c\"/>",
      "<opml version=\"2.0\">", "<body>", "</body>", "<outline xmlUrl=\"https://other.example/rss\"/>", "</opml>",
      "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
          + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">",
      "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]>", "&a;", "&amp;", "&#0;", "&#xD800;", "<![CDATA[", "]]>", "\u0000",
      "\uFEFF", "<", ">", "\"", "'", "Schlagzeile über Brücken", " "};

  @Property(tries = 300)
  void shouldGiveAFeedOrAClearErrorForRandomBytes(@ForAll @Size(max = 2000) byte[] body,
      @ForAll("contentTypes") String contentType) {
    assertFeedOrClearError(body, contentType);
  }

  @Property(tries = 300)
  void shouldGiveAFeedOrAClearErrorForRandomMarkup(@ForAll("markup") String document) {
    assertFeedOrClearError(document.getBytes(StandardCharsets.UTF_8), "application/xml");
  }

  @Property(tries = 200)
  void shouldGiveAFeedOrAClearErrorForAGoldenFeedCutAndSplicedAnywhere(@ForAll("goldenFeeds") byte[] feed,
      @ForAll @IntRange(min = 0, max = 20_000) int cut, @ForAll("markup") String splice) {
    int at = Math.min(cut, feed.length);
    byte[] spliced = splice.getBytes(StandardCharsets.UTF_8);
    byte[] mutated = new byte[at + spliced.length + (feed.length - at / 2)];
    System.arraycopy(feed, 0, mutated, 0, at);
    System.arraycopy(spliced, 0, mutated, at, spliced.length);
    System.arraycopy(feed, at / 2, mutated, at + spliced.length, feed.length - at / 2);
    assertFeedOrClearError(mutated, null);
  }

  @Property(tries = 200)
  void shouldGiveEveryEntryLinkOnceInFeedOrderWhateverTheTitles(
      @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 30) Integer> articles,
      @ForAll("titles") List<String> titles) throws FeedParseException {
    StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        + "<title>World</title><link>https://news.example/</link><description>d</description>");
    for (int i = 0; i < articles.size(); i++) {
      String title = titles.isEmpty() ? "t" : titles.get(i % titles.size());
      rss.append("<item><title>").append(escape(title)).append("</title><link>/world/").append(articles.get(i))
          .append("?ref=rss&amp;n=1</link></item>");
    }
    rss.append("</channel></rss>");

    ParsedFeed parsed = FeedParser.parse(rss.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml", FEED);

    List<URI> expected = new LinkedHashSet<>(articles).stream()
        .map(n -> URI.create("https://news.example/world/" + n + "?ref=rss&n=1")).toList();
    assertThat(parsed.articleUrls()).containsExactlyElementsOf(expected);
  }

  @Provide
  Arbitrary<String> markup() {
    return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of("application/rss+xml", "text/xml; charset=iso-8859-1", "text/html; charset=utf-16",
        "application/octet-stream", "text/xml; charset=nonsense");
  }

  @Provide
  Arbitrary<List<String>> titles() {
    return Arbitraries.strings().all().ofMaxLength(40)
        .filter(s -> s.codePoints().allMatch(FeedParserPropertiesTest::xmlChar)).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<byte[]> goldenFeeds() {
    return Arbitraries.of("atom.xml", "rss2.xml", "subscriptions.opml").map(FeedParserPropertiesTest::resource);
  }

  private static void assertFeedOrClearError(byte[] body, String contentType) {
    try {
      ParsedFeed parsed = FeedParser.parse(body, contentType, FEED);
      assertThat(parsed.articleUrls()).doesNotHaveDuplicates()
          .allSatisfy(u -> assertThat(u.getScheme()).isIn("http", "https"));
      assertThat(parsed.feedUrls()).allSatisfy(u -> assertThat(u.getScheme()).isIn("http", "https"));
    } catch (FeedParseException e) {
      assertThat(e.problem()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static boolean xmlChar(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] resource(String name) {
    try (InputStream in = FeedParserPropertiesTest.class.getResourceAsStream("/feeds/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
