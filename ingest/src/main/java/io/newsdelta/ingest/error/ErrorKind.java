package io.newsdelta.ingest.error;

/**
 * The stable {@code kind} values of {@link io.newsdelta.events.IngestError}. Tools match on these strings;
 * kinds are only ever added.
 */
public enum ErrorKind {
  /** The feed could not be reached: connection refused, unknown host, timeout. */
  FEED_UNREACHABLE("feed-unreachable"),
  /** The feed answered with an HTTP status other than 2xx or 304. */
  FEED_HTTP_STATUS("feed-http-status"),
  /** The feed document is larger than {@code ingest.max-page-bytes}. */
  FEED_TOO_LARGE("feed-too-large"),
  /** The feed document is not well-formed XML. */
  FEED_NOT_XML("feed-not-xml"),
  /** The feed document is XML but neither RSS nor Atom. */
  FEED_NOT_A_FEED("feed-not-a-feed"),
  /** A document registered as a sitemap ({@code kind: sitemap}) is not a sitemap, sitemap index or gzipped one. */
  SITEMAP_INVALID("sitemap-invalid"),
  /** An article page could not be reached: connection refused, unknown host, timeout. */
  PAGE_UNREACHABLE("page-unreachable"),
  /** An article page answered with an HTTP status other than 2xx. */
  PAGE_HTTP_STATUS("page-http-status"),
  /** An article page is larger than {@code ingest.max-page-bytes}. */
  PAGE_TOO_LARGE("page-too-large"),
  /** An article page's Content-Type is not HTML. */
  PAGE_NOT_HTML("page-not-html"),
  /** robots.txt of the page's site forbids ingest to fetch it. */
  PAGE_ROBOTS_DISALLOWED("page-robots-disallowed"),
  /**
   * The feed's or page's host resolves to an address {@code network.allow} does not list (loopback, private,
   * link-local, cloud metadata): nothing was sent.
   */
  ADDRESS_REFUSED("address-refused"),
  /** A host failed several times in a row (no connection, timeouts, 5xx, 429): ingest leaves it alone a while. */
  HOST_BACKING_OFF("host-backing-off"),
  /** A host that was backing off answers again. */
  HOST_RECOVERED("host-recovered"),
  /**
   * WebSub: the feed's hub did not take a subscription (or unsubscription) request, could not be reached, or never
   * verified it; the feed is polled at its normal pace and the subscription is tried again later.
   */
  WEBSUB_SUBSCRIBE_FAILED("websub-subscribe-failed"),
  /** WebSub: the hub denied the subscription ({@code hub.mode=denied}); the feed is polled at its normal pace. */
  WEBSUB_DENIED("websub-denied"),
  /** WebSub: the hub answered 410 Gone; ingest stops asking it and polls the feed at its normal pace. */
  WEBSUB_HUB_GONE("websub-hub-gone"),
  /** A failure ingest did not expect: a bug. The log has the stack trace. */
  INTERNAL("internal-error");

  private final String kind;

  ErrorKind(String kind) {
    this.kind = kind;
  }

  /** The wire value, for example {@code feed-http-status}. */
  public String kind() {
    return kind;
  }

  @Override
  public String toString() {
    return kind;
  }
}
