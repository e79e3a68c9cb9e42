package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void shouldReadSecondsAndHttpDatesAndCapTheWait() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:00:00 GMT", NOW)).isZero();
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEqualTo(RetryAfter.MAX);
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse(null, NOW)).isNull();
  }
}
