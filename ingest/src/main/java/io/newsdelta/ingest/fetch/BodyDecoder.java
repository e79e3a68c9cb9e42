package io.newsdelta.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a page's bytes into text. The charset comes from, in order: the {@code charset} parameter of the
 * Content-Type header; a byte-order mark; a {@code <meta charset>} or {@code <meta http-equiv
 * content="…; charset=…">} in the first 1024 bytes; else UTF-8. Names Java does not know are skipped.
 * As browsers do, ISO-8859-1 and US-ASCII are read as windows-1252. Malformed bytes become U+FFFD; a
 * leading byte-order mark is not part of the text.
 */
public final class BodyDecoder {
  private static final int SNIFF_BYTES = 1024;
  private static final Pattern HEADER_CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private BodyDecoder() {}

  /** The decoded text of {@code body}, served with the given Content-Type (may be null). */
  public static String decode(byte[] body, String contentType) {
    Charset charset =
        fromContentType(contentType)
            .or(() -> fromBom(body))
            .or(() -> fromMeta(body))
            .orElse(StandardCharsets.UTF_8);
    String text = new String(body, charset);
    return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
  }

  /** The charset named by a Content-Type header, when Java knows it. */
  static Optional<Charset> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? charset(m.group(1)) : Optional.empty();
  }

  /** The charset a byte-order mark announces. */
  static Optional<Charset> fromBom(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    return Optional.empty();
  }

  /** The charset a {@code <meta>} tag near the start of the page declares. */
  static Optional<Charset> fromMeta(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? charset(m.group(1)) : Optional.empty();
  }

  private static Optional<Charset> charset(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      return Optional.of(WINDOWS_1252);
    }
    try {
      return Optional.of(Charset.forName(n));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }
}
