package io.newsdelta.bench.site;

/**
 * Where the simulated sites ({@link NewsSite}, {@link FastSite}) serve each page, and how their URLs read back:
 * article {@code a} is {@code http://127.0.0.H:PORT/news/article-a} on host {@code H = a % hosts + 1} only, feed
 * {@code f} is {@code /rss/feed-f.xml} on host {@code f % hosts + 1}. Consecutive articles are on different hosts,
 * so every host is used from the first {@code hosts} articles on.
 *
 * @param hosts how many 127.0.0.x addresses the site serves, from 127.0.0.1
 * @param port  the one port every address listens on
 */
public record SiteUrls(int hosts, int port) {
  private static final String ARTICLE = "/news/article-";
  private static final String FEED = "/rss/feed-";
  private static final String FEED_END = ".xml";

  public SiteUrls {
    if (hosts < 1 || hosts > 254) {
      throw new IllegalArgumentException("hosts must be 1..254 (127.0.0.1..254); got " + hosts);
    }
  }

  /** The host (the last byte of its address) that serves article {@code a}. */
  public int hostOf(int article) {
    return article % hosts + 1;
  }

  /** The host that serves feed {@code f}. */
  public int hostOfFeed(int feed) {
    return feed % hosts + 1;
  }

  /** The site's root on {@code host}, with the closing slash. */
  public String root(int host) {
    return "http://127.0.0." + host + ":" + port + "/";
  }

  /** Article {@code a}'s URL. */
  public String article(int article) {
    return "http://127.0.0." + hostOf(article) + ":" + port + ARTICLE + article;
  }

  /** Feed {@code f}'s URL. */
  public String feed(int feed) {
    return "http://127.0.0." + hostOfFeed(feed) + ":" + port + FEED + feed + FEED_END;
  }

  /** The article number in an article URL or path of these sites, or -1. */
  public static int articleOf(String urlOrPath) {
    int i = urlOrPath.lastIndexOf(ARTICLE);
    return i < 0 ? -1 : number(urlOrPath.substring(i + ARTICLE.length()));
  }

  /** The feed number of a feed path ({@code /rss/feed-f.xml}), or -1. */
  public static int feedOf(String path) {
    if (!path.startsWith(FEED) || !path.endsWith(FEED_END)) {
      return -1;
    }
    return number(path.substring(FEED.length(), path.length() - FEED_END.length()));
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
