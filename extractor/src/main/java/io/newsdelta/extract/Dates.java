package io.newsdelta.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses the date formats pages declare in meta tags, JSON-LD and {@code <time datetime>}. */
final class Dates {

  private static final DateTimeFormatter OFFSET_NO_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

  private static final java.util.regex.Pattern ISO_START =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private Dates() {}

  /** The instant {@code value} denotes (UTC when it has no offset), or null if unparseable. */
  static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.trim().replace(' ', 'T');
    if (!ISO_START.matcher(s).lookingAt()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return OffsetDateTime.parse(s, OFFSET_NO_COLON).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s)
          .atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
