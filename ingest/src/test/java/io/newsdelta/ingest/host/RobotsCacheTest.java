package io.newsdelta.ingest.host;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
  private static final String SITE = "http://news.example:8080";
  private static final URI ROBOTS = URI.create(SITE + "/robots.txt");
  private static final long HOUR = Duration.ofHours(1).toNanos();

  @Test
  void shouldObeyTheGroupOfIngestsRobotNameAndItsCrawlDelay() {
    RobotsCache cache = new RobotsCache("newsdelta/0.1 (+https://example.org/bot)", Duration.ofHours(1));
    String txt = "User-agent: *\nDisallow: /\n\nUser-agent: newsdelta\nDisallow: /private/\nCrawl-delay: 2\n";

    BaseRobotRules rules = cache.parsed(SITE, ROBOTS, txt.getBytes(StandardCharsets.UTF_8), "text/plain", 0);

    assertThat(rules.isAllowed(SITE + "/news/story")).isTrue();
    assertThat(rules.isAllowed(SITE + "/private/draft")).isFalse();
    assertThat(RobotsCache.crawlDelay(rules)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldKeepRulesForTheTtlAndReadThemAgainAfter() {
    RobotsCache cache = new RobotsCache("newsdelta", Duration.ofHours(1));

    assertThat(cache.startRead(SITE, 0)).isTrue();
    assertThat(cache.startRead(SITE, 1)).isFalse(); // a read is under way
    cache.parsed(SITE, ROBOTS, "User-agent: *\nDisallow: /x\n".getBytes(StandardCharsets.UTF_8), null, 0);
    assertThat(cache.rules(SITE, HOUR - 1)).isPresent();
    assertThat(cache.startRead(SITE, HOUR - 1)).isFalse();
    assertThat(cache.rules(SITE, HOUR + 1)).isEmpty();
    assertThat(cache.startRead(SITE, HOUR + 1)).isTrue();
  }

  @Test
  void shouldAllowEverythingWhenRobotsTxtIsMissingAndAskAgainSoonWhenUnreachable() {
    RobotsCache cache = new RobotsCache("newsdelta", Duration.ofHours(1));

    assertThat(cache.failed(SITE, 404, 0).isAllowed(SITE + "/any")).isTrue();
    assertThat(cache.unreachable("http://down.example", 0).isAllowed("http://down.example/a")).isTrue();
    assertThat(cache.rules("http://down.example", RobotsCache.UNREACHABLE_TTL.toNanos() + 1)).isEmpty();
  }

  @Test
  void shouldKeySitesBySchemeHostAndPort() {
    assertThat(RobotsCache.site(URI.create("HTTP://News.Example:8080/a?b"))).isEqualTo(SITE);
    assertThat(RobotsCache.robotsUrl(URI.create("https://x.example/a/b"))).hasToString("https://x.example/robots.txt");
    assertThat(RobotsCache.robotName("newsdelta-test/1.0 (+https://x)")).isEqualTo("newsdelta-test");
  }
}
