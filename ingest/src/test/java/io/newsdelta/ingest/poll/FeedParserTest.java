package io.newsdelta.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdelta.ingest.poll.FeedParseException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedParserTest {
  @Test
  void shouldListTheLinksOfAnRssFeedResolvedAndWithoutDuplicates() throws Exception {
    ParsedFeed feed =
        FeedParser.parse(resource("/feeds/rss2.xml"), "application/rss+xml",
            URI.create("https://news.example.com/world/rss.xml"));

    assertThat(feed.type()).isEqualTo("rss_2.0");
    assertThat(feed.title()).isEqualTo("Example News - World");
    assertThat(feed.articleUrls())
        .containsExactly(
            URI.create("https://news.example.com/world/talks-resume-123?at_medium=RSS&at_campaign=rss"),
            URI.create("https://news.example.com/world/storm-warning-456"),
            URI.create("https://news.example.com/world/permalink-789"));
  }

  @Test
  void shouldTakeTheAlternateLinkOfEachAtomEntry() throws Exception {
    ParsedFeed feed =
        FeedParser.parse(resource("/feeds/atom.xml"), "application/atom+xml",
            URI.create("https://times.example.org/atom.xml"));

    assertThat(feed.type()).isEqualTo("atom_1.0");
    assertThat(feed.articleUrls())
        .containsExactly(
            URI.create("https://times.example.org/politics/2025/03/01/minister-resigns"),
            URI.create("https://times.example.org/business/markets-open-higher"));
  }

  @Test
  void shouldListTheFeedsOfAnOpmlSubscriptionList() throws Exception {
    ParsedFeed list =
        FeedParser.parse(resource("/feeds/subscriptions.opml"), "text/x-opml",
            URI.create("https://lists.example.net/newsroom.opml"));

    assertThat(list.type()).isEqualTo("opml");
    assertThat(list.articleUrls()).isEmpty();
    assertThat(list.feedUrls())
        .containsExactly(
            URI.create("https://news.example.com/world/rss.xml"),
            URI.create("https://times.example.org/atom.xml"),
            URI.create("https://lists.example.net/local/feed.xml"));
  }

  @Test
  void shouldSayAnHtmlPageIsNotXml() {
    assertThatThrownBy(
            () -> FeedParser.parse(resource("/feeds/not-xml.html"), "text/html", URI.create("http://x/rss")))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_XML));
  }

  @Test
  void shouldSayAnEmptyBodyIsNotXml() {
    assertThatThrownBy(() -> FeedParser.parse(new byte[0], null, URI.create("http://x/rss")))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_XML));
  }

  @Test
  void shouldSayXmlThatIsNeitherRssNorAtomIsNotAFeed() {
    assertThatThrownBy(
            () -> FeedParser.parse(resource("/feeds/not-a-feed.xml"), "application/xml", URI.create("http://x/sm")))
        .isInstanceOfSatisfying(
            FeedParseException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_A_FEED));
  }

  @Test
  void shouldReadAnRss091FeedWithTheNetscapeDoctypeAndItsHtmlEntities() throws Exception {
    byte[] rss091 =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
                + "  \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
                + "<rss version=\"0.91\"><channel><title>Caf&eacute; news</title><link>http://x/</link>"
                + "<description>d</description><language>en</language>"
                + "<item><title>One</title><link>http://x/news/1</link></item></channel></rss>")
            .getBytes(StandardCharsets.ISO_8859_1);

    ParsedFeed feed = FeedParser.parse(rss091, "text/xml", URI.create("http://x/rss"));

    assertThat(feed.type()).isEqualTo("rss_0.91N");
    assertThat(feed.articleUrls()).containsExactly(URI.create("http://x/news/1"));
  }

  @Test
  void shouldRefuseABillionLaughsDocumentWithoutExpandingIt() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE rss [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10)).append("\">");
    }
    byte[] laughs = ("<?xml version=\"1.0\"?>" + dtd + "]><rss version=\"2.0\"><channel><title>&lol9;</title>"
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FeedParser.parse(laughs, null, URI.create("http://x/rss")))
        .isInstanceOfSatisfying(FeedParseException.class, e -> assertThat(e.getMessage()).contains("declares entities"));
  }

  @Test
  void shouldRefuseADoctypeRatherThanResolveEntities() {
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FeedParser.parse(xxe, null, URI.create("http://x/rss")))
        .isInstanceOf(FeedParseException.class);
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = FeedParserTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    }
  }
}
