package io.newsdelta.bench.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Article pages and feeds of real-world weight. The heavy parts real pages carry — inline scripts, a
 * stylesheet, a navigation menu, a framework's inline JSON state — are generated once per layout
 * ({@link #LAYOUTS} of them, 40 to 250 KB) and shared by all articles; only the story and the
 * boilerplate are rendered per request, so a response costs the site little more than copying bytes.
 *
 * <p>The page is assembled from strings on purpose: this is a load generator that must be cheaper than
 * the fetcher it feeds, and every text in it comes from a fixed vocabulary with nothing to escape.
 */
public final class PageRenderer {

  /** How many page layouts (chrome variants) the site has; article {@code a} uses layout {@code a % LAYOUTS}. */
  public static final int LAYOUTS = 8;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final long seed;
  private final int articles;
  private final byte[][] scripts = new byte[LAYOUTS][];
  private final byte[][] tails = new byte[LAYOUTS][];
  private final byte[] nav;

  public PageRenderer(long seed, int articles) {
    this.seed = seed;
    this.articles = articles;
    for (int k = 0; k < LAYOUTS; k++) {
      SplittableRandom r = new SplittableRandom(seed + 1000L * k);
      int weight = 40_000 + k * 30_000;
      scripts[k] = bytes(Chrome.scripts(r, weight * 55 / 100));
      tails[k] = bytes(Chrome.tail(r, weight * 40 / 100));
    }
    this.nav = bytes(Chrome.nav(new SplittableRandom(seed - 1)));
  }

  /** One response body in parts, written without joining them. */
  public record Page(byte[][] parts) {
    public long length() {
      long n = 0;
      for (byte[] p : parts) {
        n += p.length;
      }
      return n;
    }

    public void writeTo(OutputStream out) throws IOException {
      for (byte[] p : parts) {
        out.write(p);
      }
    }

    /** The whole body (tests, tools). */
    public byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) length());
      for (byte[] p : parts) {
        out.writeBytes(p);
      }
      return out.toByteArray();
    }
  }

  /**
   * Article {@code article}'s page.
   *
   * @param url         its URL (also its canonical URL)
   * @param story       the text at the revision served
   * @param boilerplate the boilerplate revision: picks the most-read box and the ad
   * @param updated     the "updated" stamp and dateModified
   * @param requestId   the request id printed in the page
   */
  public Page article(int article, String url, Story story, int boilerplate, Instant updated, String requestId) {
    int layout = article % LAYOUTS;
    StringBuilder head = new StringBuilder(1024);
    head.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(story.headline()).append(" - Bench News</title>")
        .append("<link rel=\"canonical\" href=\"").append(url).append("\">")
        .append("<meta property=\"og:title\" content=\"").append(story.headline()).append("\">")
        .append("<meta property=\"og:type\" content=\"article\">")
        .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
        .append("\"headline\":\"").append(story.headline()).append("\",\"author\":{\"@type\":\"Person\",\"name\":\"")
        .append(story.byline()).append("\"},\"datePublished\":\"2026-12-01T06:00:00Z\",\"dateModified\":\"")
        .append(updated).append("\",\"mainEntityOfPage\":\"").append(url).append("\"}</script>\n");

    SplittableRandom box = new SplittableRandom(seed ^ (article * 7919L) ^ ((long) boilerplate << 32));
    StringBuilder body = new StringBuilder(8192);
    body.append("<main id=\"main\"><article class=\"story\">\n<header class=\"story-header\"><h1>")
        .append(story.headline()).append("</h1>\n<p class=\"byline\">By <span class=\"author\">")
        .append(story.byline()).append("</span></p>\n<p class=\"meta\"><time datetime=\"2026-12-01T06:00:00Z\">")
        .append("1 December 2026</time> <span class=\"updated\">Updated ").append(STAMP.format(updated))
        .append("</span></p></header>\n<div class=\"story-body\">\n");
    for (int i = 0; i < story.paragraphs().size(); i++) {
      body.append("<p>").append(story.paragraphs().get(i)).append("</p>\n");
      if (i == 2) {
        body.append("<div class=\"ad-slot\" id=\"ad-inline\" data-ad-unit=\"/news/inline\" data-creative=\"")
            .append(Long.toHexString(box.nextLong())).append("\"><span class=\"ad-label\">Advertisement</span>")
            .append("<script>window.__ads=window.__ads||[];__ads.push({slot:\"inline\",creative:\"")
            .append(Long.toHexString(box.nextLong())).append("\"});</script></div>\n");
      }
    }
    body.append("</div></article>\n<aside class=\"most-read\"><h2>Most read</h2><ol>\n");
    for (int i = 0; i < 5; i++) {
      int other = box.nextInt(articles);
      body.append("<li><a href=\"/news/article-").append(other).append("\">")
          .append(Story.baseHeadline(seed, other)).append("</a></li>\n");
    }
    body.append("</ol></aside>\n<div class=\"ad-slot\" id=\"ad-side\" data-creative=\"")
        .append(Long.toHexString(box.nextLong())).append("\"><span class=\"ad-label\">Advertisement</span></div>\n")
        .append("</main>\n<!-- request ").append(requestId).append(" -->\n<script>window.__REQUEST_ID__=\"")
        .append(requestId).append("\";</script>\n");
    return new Page(new byte[][] {bytes(head), scripts[layout], nav, bytes(body), tails[layout]});
  }

  /** Feed {@code feed}'s RSS listing {@code urls} (article numbers {@code first}, {@code first + step}, …). */
  public byte[] feed(int feed, String siteUrl, java.util.function.IntFunction<String> urlOf, int first, int step) {
    return feed(feed, siteUrl, urlOf, first, step, articles);
  }

  /** As {@link #feed(int, String, java.util.function.IntFunction, int, int)}, listing articles below {@code end}. */
  public byte[] feed(
      int feed, String siteUrl, java.util.function.IntFunction<String> urlOf, int first, int step, int end) {
    StringBuilder b = new StringBuilder(256 + (end / step + 1) * 220);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench News, feed ")
        .append(feed).append("</title><link>").append(siteUrl).append("</link><description>Simulated news for the ")
        .append("newsdelta pipeline benchmark</description>\n");
    for (int a = first; a < end; a += step) {
      String url = urlOf.apply(a);
      b.append("<item><title>").append(Story.baseHeadline(seed, a)).append("</title><link>").append(url)
          .append("</link><guid isPermaLink=\"true\">").append(url)
          .append("</guid><pubDate>Tue, 01 Dec 2026 06:00:00 GMT</pubDate></item>\n");
    }
    b.append("</channel></rss>\n");
    return bytes(b);
  }

  private static byte[] bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }
}
