package io.newsdelta.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ElapsedTest {

  @Test
  void shouldSayHowMuchLaterInTheTwoLargestUnits() {
    assertThat(Elapsed.later(Duration.ofSeconds(20))).isEqualTo("less than a minute later");
    assertThat(Elapsed.later(Duration.ofMinutes(1))).isEqualTo("1 minute later");
    assertThat(Elapsed.later(Duration.ofMinutes(40))).isEqualTo("40 minutes later");
    assertThat(Elapsed.later(Duration.ofMinutes(60))).isEqualTo("1 hour later");
    assertThat(Elapsed.later(Duration.ofMinutes(125))).isEqualTo("2 hours 5 minutes later");
    assertThat(Elapsed.later(Duration.ofHours(51).plusMinutes(7))).isEqualTo("2 days 3 hours later");
    assertThat(Elapsed.later(Duration.ofDays(1))).isEqualTo("1 day later");
  }

  @Test
  void shouldSayEarlierWhenTheClocksDisagree() {
    assertThat(Elapsed.later(Duration.ofMinutes(-3))).isEqualTo("3 minutes earlier");
  }
}
