package io.newsdelta.ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides whether a fetched body is an HTML page, after the rules of WHATWG MIME Sniffing (§7.1, "identifying
 * a resource with an unknown MIME type"): a body declared text/html or application/xhtml+xml is HTML; one
 * served as octet-stream, unknown, without a type or as text/plain is HTML when, after leading whitespace, it
 * starts like HTML ({@code <!DOCTYPE HTML}, {@code <html}, {@code <head}, {@code <body}, {@code <p}, {@code
 * <!--} …, case-insensitive, followed by a space or {@code >}), or is an XML document with an HTML root; PDFs,
 * PostScript, images, audio, video, archives and any body with binary bytes are not. Ingest departs from the
 * standard in one place: text/plain that starts like HTML is HTML (browsers would show it as text; servers
 * that send pages as text/plain mean HTML). Pure.
 */
public final class ContentSniffer {
  /** How much of the body the patterns look at (the standard's resource header). */
  static final int HEADER_BYTES = 1445;

  /**
   * The verdict.
   *
   * @param html whether the body is taken as an HTML page
   * @param type what the body is, for messages: {@code text/html}, {@code application/pdf}, {@code image/png},
   *     {@code application/octet-stream} (binary), {@code text/plain} …
   */
  public record Verdict(boolean html, String type) {}

  private static final List<String> HTML_TAGS =
      List.of("<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a",
          "<style", "<title", "<b", "<body", "<br", "<p", "<!--", "<meta", "<link", "<article");

  private record Magic(String type, byte[] prefix) {
    static Magic of(String type, int... bytes) {
      byte[] b = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        b[i] = (byte) bytes[i];
      }
      return new Magic(type, b);
    }

    static Magic of(String type, String ascii) {
      return new Magic(type, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static final List<Magic> BINARY =
      List.of(
          Magic.of("application/pdf", "%PDF-"),
          Magic.of("application/postscript", "%!PS-Adobe-"),
          Magic.of("image/gif", "GIF87a"),
          Magic.of("image/gif", "GIF89a"),
          Magic.of("image/png", 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
          Magic.of("image/jpeg", 0xFF, 0xD8, 0xFF),
          Magic.of("image/bmp", "BM"),
          Magic.of("image/x-icon", 0x00, 0x00, 0x01, 0x00),
          Magic.of("application/ogg", "OggS"),
          Magic.of("audio/mpeg", "ID3"),
          Magic.of("video/webm", 0x1A, 0x45, 0xDF, 0xA3),
          Magic.of("application/x-gzip", 0x1F, 0x8B, 0x08),
          Magic.of("application/zip", 'P', 'K', 0x03, 0x04),
          Magic.of("application/x-rar-compressed", "Rar!"),
          Magic.of("font/woff", "wOFF"),
          Magic.of("font/woff2", "wOF2"));

  private ContentSniffer() {}

  /**
   * Whether {@code body}, served with {@code contentType} (null when absent), is an HTML page.
   */
  public static Verdict sniff(String contentType, byte[] body) {
    if (ContentTypes.declaredHtml(contentType)) {
      return new Verdict(true, ContentTypes.mediaType(contentType));
    }
    if (!ContentTypes.mayBeHtml(contentType)) {
      return new Verdict(false, ContentTypes.mediaType(contentType));
    }
    if (startsWith(body, 0, new byte[] {(byte) 0xFE, (byte) 0xFF})
        || startsWith(body, 0, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
      // UTF-16 text: look at it as text, since every other byte is zero.
      String head = new String(body, 0, Math.min(body.length, HEADER_BYTES),
          body[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
      byte[] ascii = head.replace("\uFEFF", "").getBytes(StandardCharsets.ISO_8859_1);
      int at = textStart(ascii);
      return new Verdict(startsLikeHtml(ascii, at), startsLikeHtml(ascii, at) ? "text/html" : "text/plain");
    }
    int start = textStart(body);
    if (startsLikeHtml(body, start) || xmlWithHtmlRoot(body, start)) {
      return new Verdict(true, "text/html");
    }
    for (Magic m : BINARY) {
      if (startsWith(body, 0, m.prefix())) {
        return new Verdict(false, m.type());
      }
    }
    if (startsWith(body, 0, "RIFF".getBytes(StandardCharsets.ISO_8859_1)) && body.length >= 12) {
      String kind = new String(body, 8, 4, StandardCharsets.ISO_8859_1);
      return new Verdict(false, kind.equals("WEBP") ? "image/webp" : kind.equals("WAVE") ? "audio/wave" : "video/avi");
    }
    if (body.length >= 12 && new String(body, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
      return new Verdict(false, "video/mp4");
    }
    return new Verdict(false, binary(body) ? "application/octet-stream" : "text/plain");
  }

  /** Skips a byte-order mark and then whitespace (HTML whitespace: tab, LF, FF, CR, space). */
  private static int textStart(byte[] b) {
    int i = 0;
    if (startsWith(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
      i = 3;
    }
    while (i < b.length && i < HEADER_BYTES && isWhitespace(b[i])) {
      i++;
    }
    return i;
  }

  private static boolean startsLikeHtml(byte[] b, int at) {
    for (String tag : HTML_TAGS) {
      if (startsWithIgnoreCase(b, at, tag)) {
        int after = at + tag.length();
        // "<!--" needs no terminator; a tag name must end with a space or '>'.
        if (tag.equals("<!--") || (after < b.length && (isWhitespace(b[after]) || b[after] == '>'))) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code <?xml …?>}, then (after comments, a DOCTYPE, whitespace) an {@code <html} root, within the header. */
  private static boolean xmlWithHtmlRoot(byte[] b, int at) {
    if (!startsWithIgnoreCase(b, at, "<?xml")) {
      return false;
    }
    String head = new String(b, at, Math.min(b.length - at, HEADER_BYTES), StandardCharsets.ISO_8859_1)
        .toLowerCase(java.util.Locale.ROOT);
    return head.contains("<!doctype html") || head.matches("(?s).*<html[\\s>].*");
  }

  private static boolean binary(byte[] b) {
    for (int i = 0; i < Math.min(b.length, HEADER_BYTES); i++) {
      int c = b[i] & 0xFF;
      if (c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1A) || (c >= 0x1C && c <= 0x1F)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWhitespace(byte c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (b.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithIgnoreCase(byte[] b, int at, String ascii) {
    if (b.length - at < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      int c = b[at + i] & 0xFF;
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      if (c != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
