package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.app.Main;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.ingest.discover.Advertised;
import io.newsdelta.testsupport.LocalWebServer;
import io.newsdelta.testsupport.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code feeds discover} against a loopback site; {@code feeds add|list|remove} against the real broker. */
class FeedsCommandIT {
  @TempDir Path dir;

  /** A configuration that lets the command reach the loopback test sites (network.allow). */
  private String loopbackAllowed() {
    try {
      return Files.writeString(dir.resolve("allow.yml"), "network:\n  allow: [127.0.0.0/8]\n").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void shouldListTheFeedsAndSitemapsALoopbackSiteAdvertises() {
    try (LocalWebServer site = LocalWebServer.start()) {
      site.serve("/news", "text/html; charset=utf-8", "<!doctype html><html><head><title>News</title>"
          + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Top stories\" href=\"/news/rss.xml\">"
          + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"world.atom\">"
          + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/site.css\"></head><body>Front page</body></html>");
      site.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /search\nSitemap: "
          + site.url("/sitemap-news.xml") + "\n");

      assertThat(run("feeds", "discover", "--config", loopbackAllowed(), site.url("/news").toString())).as(err.toString()).isZero();

      List<Advertised> found = out.toString().lines().map(l -> Json.read(l, Advertised.class)).toList();
      assertThat(found).containsExactly(
          new Advertised(site.url("/news/rss.xml"), "feed", "rss", "Top stories", "link", true),
          new Advertised(site.url("/world.atom"), "feed", "atom", null, "link", true),
          new Advertised(site.url("/sitemap-news.xml"), "sitemap", "sitemap", null, "robots.txt", true));
      assertThat(err.toString()).contains("advertises 2 feeds", "names 1 sitemaps", "newsdelta feeds add URL");
    }
  }

  @Test
  void shouldSayInOneLineThatASiteCannotBeReached() {
    URI gone;
    try (LocalWebServer site = LocalWebServer.start()) {
      gone = site.url("/");
    }

    assertThat(run("feeds", "discover", "--config", loopbackAllowed(), gone.toString())).isEqualTo(1);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).singleElement().asString()
        .startsWith("newsdelta feeds discover: cannot read " + gone)
        .contains("connection refused", "check the address");
    assertThat(run("feeds", "discover", "news.example")).isEqualTo(2);
    assertThat(err.toString()).contains("not an absolute http or https URL");
  }

  @Test
  void shouldSayThatASiteWithoutRobotsTxtAdvertisesNoSitemap() {
    try (LocalWebServer site = LocalWebServer.start()) {
      site.serve("/", "text/html", "<html><head><title>Plain</title></head><body>no feeds</body></html>");

      assertThat(run("feeds", "discover", "--config", loopbackAllowed(), site.url("/").toString())).isZero();

      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).contains("advertises 0 feeds", "could not be read (HTTP 404)");
    }
  }

  @Test
  void shouldAddListAndRemoveFeedsThroughTheRegistryTopic() {
    try (TestBroker broker = TestBroker.start()) {
      String kafka = broker.bootstrapServers();
      String sitemap = "https://news.example/sitemap-news.xml";

      assertThat(run("feeds", "add", sitemap, "--name", "Example News", "--kind", "sitemap", "--schedule",
          "geometric", "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(run("feeds", "add", "https://news.example/rss", "--bootstrap-servers", kafka)).isZero();
      assertThat(run("feeds", "add", "https://news.example/x", "--kind", "json", "--bootstrap-servers", kafka))
          .isEqualTo(2);
      assertThat(err.toString()).contains("--kind", "'json'", "one of feed, sitemap");

      assertThat(run("feeds", "list", "--json", "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(out.toString().lines().map(l -> Json.read(l, FeedRegistration.class)).toList()).containsExactly(
          new FeedRegistration("https://news.example/rss", null, "feed", "gaps"),
          new FeedRegistration(sitemap, "Example News", "sitemap", "geometric"));

      assertThat(run("feeds", "remove", sitemap, "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(run("feeds", "list", "--json", "--bootstrap-servers", kafka)).isZero();
      assertThat(out.toString().lines()).singleElement().asString().contains("https://news.example/rss");
      assertThat(run("feeds", "remove", sitemap, "--bootstrap-servers", kafka)).isEqualTo(1);
      assertThat(err.toString()).contains("is not registered");
    }
  }

  private static final String OPML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <opml version="2.0">
        <head><title>Desk</title></head>
        <body>
          <outline text="UK">
            <outline text="BBC" title="BBC News" type="rss" xmlUrl="https://news.example/bbc.xml"/>
            <outline text="Politics"><outline text="Hansard" type="rss" xmlUrl="https://news.example/hansard.xml"/></outline>
          </outline>
          <outline text="Already there" type="rss" xmlUrl="https://news.example/rss"/>
          <outline text="Twice" type="rss" xmlUrl="https://news.example/bbc.xml"/>
          <outline text="Sitemap" type="sitemap" xmlUrl="https://news.example/sitemap.xml"/>
          <outline text="Broken" type="rss" xmlUrl="ftp://news.example/feed"/>
        </body>
      </opml>
      """;

  @Test
  void shouldImportAnOpmlFileSkippingDuplicatesAndReportingTheBadOutline() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      String kafka = broker.bootstrapServers();
      assertThat(run("feeds", "add", "https://news.example/rss", "--bootstrap-servers", kafka)).isZero();
      Path opml = Files.writeString(dir.resolve("desk.opml"), OPML);

      assertThat(run("feeds", "import", opml.toString(), "--bootstrap-servers", kafka)).as(err.toString()).isEqualTo(1);

      assertThat(out.toString().lines()).containsExactly(
          "skipped https://news.example/rss: already registered",
          "skipped https://news.example/bbc.xml: already registered",
          "added https://news.example/bbc.xml (feed, BBC News)",
          "added https://news.example/hansard.xml (feed, Hansard)",
          "added https://news.example/sitemap.xml (sitemap, Sitemap)",
          "imported 3 feeds from " + opml + ", skipped 2 already registered, 1 outlines not usable");
      assertThat(err.toString().lines()).singleElement().asString()
          .contains("outline /5 (Broken)", "'ftp://news.example/feed' is not an absolute http or https URL");
      assertThat(run("feeds", "list", "--json", "--bootstrap-servers", kafka)).isZero();
      assertThat(out.toString().lines().map(l -> Json.read(l, FeedRegistration.class)).toList()).containsExactly(
          new FeedRegistration("https://news.example/bbc.xml", "BBC News", "feed", "gaps"),
          new FeedRegistration("https://news.example/hansard.xml", "Hansard", "feed", "gaps"),
          new FeedRegistration("https://news.example/rss", null, "feed", "gaps"),
          new FeedRegistration("https://news.example/sitemap.xml", "Sitemap", "sitemap", "gaps"));

      // Again: every feed is there already.
      assertThat(run("feeds", "import", opml.toString(), "--bootstrap-servers", kafka)).isEqualTo(1);
      assertThat(out.toString()).contains("imported 0 feeds", "skipped 5 already registered");

      // Exported and imported elsewhere: the same feeds.
      assertThat(run("feeds", "export", "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(io.newsdelta.ingest.registry.OpmlFile.read(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .feeds()).extracting(FeedRegistration::url).containsExactly("https://news.example/bbc.xml",
              "https://news.example/hansard.xml", "https://news.example/rss", "https://news.example/sitemap.xml");
    }
  }

  @Test
  void shouldRefuseAFileThatIsNotOpmlAndImportNothing() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      String kafka = broker.bootstrapServers();
      Path broken = Files.writeString(dir.resolve("broken.opml"), OPML.substring(0, OPML.indexOf("<outline text=\"Sitemap\"")));

      assertThat(run("feeds", "import", broken.toString(), "--bootstrap-servers", kafka)).isEqualTo(2);

      assertThat(err.toString().lines()).singleElement().asString()
          .startsWith("newsdelta feeds import: " + broken + " is not an OPML file").contains("nothing was imported");
      assertThat(run("feeds", "list", "--json", "--bootstrap-servers", kafka)).isZero();
      assertThat(out.toString()).isEmpty();
      assertThat(run("feeds", "import", dir.resolve("missing.opml").toString(), "--bootstrap-servers", kafka))
          .isEqualTo(2);
      assertThat(err.toString()).contains("cannot read");
    }
  }

  @Test
  void shouldListEachFeedsLastPollItemsErrorsAndOwnerFromTheIngestInstancePollingIt() {
    try (TestBroker broker = TestBroker.start(); LocalWebServer site = LocalWebServer.start()) {
      String kafka = broker.bootstrapServers();
      io.newsdelta.kafka.TopicAdmin.ensure(kafka, io.newsdelta.events.Topics.all(2));
      URI good = site.url("/rss");
      URI broken = site.url("/broken.xml");
      site.serve("/rss", "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
          + "<item><link>" + site.url("/news/a") + "</link></item><item><link>" + site.url("/news/b") + "</link></item>"
          + "</channel></rss>");
      site.serve("/news/a", "text/html", "<html><body><article><h1>A</h1><p>One.</p></article></body></html>");
      site.serve("/news/b", "text/html", "<html><body><article><h1>B</h1><p>Two.</p></article></body></html>");
      site.serve("/broken.xml", 503, "text/plain", "busy");
      io.newsdelta.config.IngestConfig config = io.newsdelta.config.IngestConfig.builder()
          .feedPollInterval(java.time.Duration.ofMillis(500)).articleRecheck(List.of(java.time.Duration.ofHours(1)))
          .fetchTimeout(java.time.Duration.ofSeconds(5)).maxPageBytes(64 * 1024).userAgent("newsdelta-test/1.0")
          .fetchConcurrency(4).build();

      try (io.newsdelta.ingest.IngestService ingest = new io.newsdelta.ingest.IngestService(config, kafka)
          .withAddressPolicy(io.newsdelta.net.AddressPolicy.WITH_LOOPBACK)) {
        ingest.start();
        assertThat(run("feeds", "add", good.toString(), "--name", "Good", "--bootstrap-servers", kafka)).isZero();
        assertThat(run("feeds", "add", broken.toString(), "--bootstrap-servers", kafka)).isZero();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> {
          run("feeds", "list", "--json", "--bootstrap-servers", kafka);
          List<FeedsList.Listing> rows = out.toString().lines().map(l -> Json.read(l, FeedsList.Listing.class)).toList();
          return rows.size() == 2 && rows.stream().allMatch(r -> r.status() != null)
              && rows.stream().anyMatch(r -> r.status().items() == 2)
              && rows.stream().anyMatch(r -> r.status().consecutiveFailures() >= 2);
        });
        List<FeedsList.Listing> rows = out.toString().lines().map(l -> Json.read(l, FeedsList.Listing.class)).toList();
        FeedsList.Listing ok = rows.stream().filter(r -> r.url().equals(good.toString())).findFirst().orElseThrow();
        assertThat(ok.name()).isEqualTo("Good");
        assertThat(ok.status().lastOutcome()).isIn("parsed", "not_modified");
        assertThat(ok.status().lastPollAt()).isNotNull();
        assertThat(ok.status().lastError()).isNull();
        assertThat(ok.status().owner()).isNotBlank();
        FeedsList.Listing failing = rows.stream().filter(r -> r.url().equals(broken.toString())).findFirst().orElseThrow();
        assertThat(failing.status().lastOutcome()).isEqualTo("failed");
        assertThat(failing.status().lastError()).contains("returned HTTP 503");
        assertThat(failing.status().errors()).isGreaterThanOrEqualTo(2);
        assertThat(failing.status().owner()).isEqualTo(ok.status().owner());

        assertThat(run("feeds", "list", "--bootstrap-servers", kafka)).isZero();
        assertThat(out.toString().lines().toList()).first().asString().contains("URL", "HEALTH", "LAST POLL", "OWNER");
        assertThat(out.toString()).contains(good.toString(), ok.status().owner(), "last error: Feed " + broken);

        // Removed: its status goes with it.
        assertThat(run("feeds", "remove", broken.toString(), "--bootstrap-servers", kafka)).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
            !new io.newsdelta.ingest.registry.RegistryClient(kafka, java.time.Duration.ofSeconds(30)).statuses()
                .containsKey(broken.toString()));
      }
    }
  }
}
