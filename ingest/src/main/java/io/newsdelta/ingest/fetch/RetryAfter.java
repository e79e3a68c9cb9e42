package io.newsdelta.ingest.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Pure. A value in the
 * past is no wait; a value that cannot be read is ignored; a wait is capped at {@link #MAX}, so a wrong header
 * cannot park a host for ever.
 */
public final class RetryAfter {
  /** The longest wait honoured. */
  public static final Duration MAX = Duration.ofHours(6);

  private RetryAfter() {}

  /** The wait the header asks for, or null when there is none or it cannot be read. */
  public static Duration parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String v = header.trim();
    Duration wait;
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        wait = MAX;
      }
    } else {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(now, at);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
