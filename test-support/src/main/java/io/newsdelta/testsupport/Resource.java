package io.newsdelta.testsupport;

import com.sun.net.httpserver.Headers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link LocalWebServer} answers for one path, and the HTTP revalidation rules for it.
 *
 * @param status       the status of a full response
 * @param contentType  the Content-Type header, or null for none
 * @param body         the response body
 * @param etag         the strong validator, quoted, or null
 * @param lastModified the Last-Modified time, or null
 * @param headers      further response headers (e.g. Location)
 */
record Resource(int status, String contentType, byte[] body, String etag, Instant lastModified,
                Map<String, String> headers) {

  private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

  /** A text body, encoded in the charset named by {@code contentType} (UTF-8 if it names none). */
  static Resource text(int status, String contentType, String body, String etag, Instant lastModified) {
    return new Resource(status, contentType, body.getBytes(charsetOf(contentType)), quoted(etag),
        lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS), Map.of());
  }

  /**
   * Whether the request's validators still match, per RFC 9110: {@code If-None-Match} wins over
   * {@code If-Modified-Since} when both are sent.
   */
  boolean notModified(Headers request) {
    if (status != 200) {
      return false;
    }
    String ifNoneMatch = request.getFirst("If-None-Match");
    if (ifNoneMatch != null) {
      return etag != null && Arrays.stream(ifNoneMatch.split(","))
          .map(tag -> weak(tag.trim()))
          .anyMatch(tag -> tag.equals("*") || tag.equals(weak(etag)));
    }
    String ifModifiedSince = request.getFirst("If-Modified-Since");
    if (ifModifiedSince != null && lastModified != null) {
      try {
        Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return !lastModified.isAfter(since);
      } catch (DateTimeParseException e) {
        return false; // an unparseable date is ignored, as the RFC asks
      }
    }
    return false;
  }

  /** Adds Content-Type, ETag, Last-Modified and the extra headers to a response. */
  void writeHeaders(Headers response) {
    if (contentType != null) {
      response.set("Content-Type", contentType);
    }
    if (etag != null) {
      response.set("ETag", etag);
    }
    if (lastModified != null) {
      response.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
    }
    headers.forEach(response::set);
  }

  /** If-None-Match uses the weak comparison: {@code W/"x"} matches {@code "x"}. */
  private static String weak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  private static String quoted(String etag) {
    if (etag == null || etag.startsWith("\"") || etag.startsWith("W/")) {
      return etag;
    }
    return "\"" + etag + "\"";
  }

  private static Charset charsetOf(String contentType) {
    if (contentType != null) {
      Matcher matcher = CHARSET.matcher(contentType);
      if (matcher.find()) {
        return Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT));
      }
    }
    return StandardCharsets.UTF_8;
  }
}
