package io.newsdelta.ingest.fetch;

import java.util.Locale;
import java.util.Set;

/** Which Content-Types ingest takes as article pages, before and after looking at the body. */
public final class ContentTypes {
  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
  /**
   * Types that say nothing reliable about the body, so the body decides ({@link ContentSniffer}): what
   * WHATWG MIME Sniffing calls unknown, plus text/plain, under which many servers send .stm, .php or .asp
   * pages.
   */
  private static final Set<String> SNIFFED =
      Set.of("", "application/octet-stream", "unknown/unknown", "application/unknown", "*/*", "text/plain",
          "binary/octet-stream", "application/x-unknown-content-type");

  private ContentTypes() {}

  /** Whether a Content-Type header is HTML; an absent header is given the benefit of the doubt. */
  public static boolean isHtml(String contentType) {
    return HTML.contains(mediaType(contentType)) || mediaType(contentType).isEmpty();
  }

  /** Whether the body of a response with this Content-Type may be HTML: declared so, or to be sniffed. */
  public static boolean mayBeHtml(String contentType) {
    String type = mediaType(contentType);
    return HTML.contains(type) || SNIFFED.contains(type);
  }

  /** Whether the type is declared HTML, so the body is taken as HTML without sniffing (as browsers do). */
  static boolean declaredHtml(String contentType) {
    return HTML.contains(mediaType(contentType));
  }

  /** The lower-cased media type without parameters; empty when absent. */
  public static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }
}
