package io.newsdelta.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a page body as fetched: the charset from the Content-Type header, else a byte order mark,
 * else a {@code <meta charset>} or {@code http-equiv} declaration in the first bytes, else UTF-8.
 */
public final class CharsetSniffer {

  private static final int META_SCAN_BYTES = 8192;
  private static final Pattern CHARSET = Pattern.compile(
      "charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:+-]+)", Pattern.CASE_INSENSITIVE);

  private CharsetSniffer() {}

  /** Decodes {@code body} to a string, stripping any byte order mark. */
  public static String decode(byte[] body, String contentType) {
    Charset fromHeader = charsetOf(contentType);
    int bomLength = 0;
    Charset fromBom = null;
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      fromBom = StandardCharsets.UTF_8;
      bomLength = 3;
    } else if (startsWith(body, 0xFE, 0xFF)) {
      fromBom = StandardCharsets.UTF_16BE;
      bomLength = 2;
    } else if (startsWith(body, 0xFF, 0xFE)) {
      fromBom = StandardCharsets.UTF_16LE;
      bomLength = 2;
    }
    Charset charset = fromHeader != null ? fromHeader
        : fromBom != null ? fromBom
        : metaCharset(body);
    if (charset == null) {
      charset = StandardCharsets.UTF_8;
    }
    int skip = fromBom != null && fromBom.equals(charset) ? bomLength : 0;
    return new String(body, skip, body.length - skip, charset);
  }

  /** The charset named in a Content-Type value, or null if absent or unknown. */
  static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET.matcher(contentType);
    return m.find() ? lookup(m.group(1)) : null;
  }

  private static Charset metaCharset(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES),
        StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int from = 0;
    while (true) {
      int meta = head.indexOf("<meta", from);
      if (meta < 0) {
        return null;
      }
      int end = head.indexOf('>', meta);
      if (end < 0) {
        return null;
      }
      Matcher m = CHARSET.matcher(head.substring(meta, end));
      if (m.find()) {
        Charset cs = lookup(m.group(1));
        if (cs != null) {
          // A page that declares UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML spec).
          return cs.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : cs;
        }
      }
      from = end;
    }
  }

  private static Charset lookup(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    // Browsers treat these labels as windows-1252 (WHATWG Encoding), and pages rely on it.
    if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.isSupported(n) ? Charset.forName(n) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] body, int... prefix) {
    if (body.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((body[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
