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

      assertThat(run("feeds", "list", "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(out.toString().lines().map(l -> Json.read(l, FeedRegistration.class)).toList()).containsExactly(
          new FeedRegistration("https://news.example/rss", null, "feed", "gaps"),
          new FeedRegistration(sitemap, "Example News", "sitemap", "geometric"));

      assertThat(run("feeds", "remove", sitemap, "--bootstrap-servers", kafka)).as(err.toString()).isZero();
      assertThat(run("feeds", "list", "--bootstrap-servers", kafka)).isZero();
      assertThat(out.toString().lines()).singleElement().asString().contains("https://news.example/rss");
      assertThat(run("feeds", "remove", sitemap, "--bootstrap-servers", kafka)).isEqualTo(1);
      assertThat(err.toString()).contains("is not registered");
    }
  }
}
