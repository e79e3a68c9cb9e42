package io.newsdelta.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecheckScheduleTest {
  private static final Instant FIRST_SEEN = Instant.parse("2025-03-01T10:00:00Z");
  private final RecheckSchedule schedule =
      new RecheckSchedule(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)));

  @Test
  void shouldPutTheFirstRecheckTheFirstGapAfterFirstSeenNotAfterTheFirstFetch() {
    Instant firstFetchDone = FIRST_SEEN.plusSeconds(40);

    assertThat(schedule.nextCheck(FIRST_SEEN, 1, firstFetchDone)).contains(FIRST_SEEN.plus(Duration.ofMinutes(5)));
  }

  @Test
  void shouldPutEachNextRecheckTheNextGapAfterThePreviousCheck() {
    Instant firstRecheck = FIRST_SEEN.plus(Duration.ofMinutes(5)).plusSeconds(2);
    Instant secondRecheck = firstRecheck.plus(Duration.ofMinutes(15)).plusSeconds(3);

    assertThat(schedule.nextCheck(FIRST_SEEN, 2, firstRecheck)).contains(firstRecheck.plus(Duration.ofMinutes(15)));
    assertThat(schedule.nextCheck(FIRST_SEEN, 3, secondRecheck)).contains(secondRecheck.plus(Duration.ofHours(1)));
  }

  @Test
  void shouldScheduleNoMoreChecksAfterTheLastGap() {
    Instant lastRecheck = FIRST_SEEN.plus(Duration.ofHours(2));

    assertThat(schedule.nextCheck(FIRST_SEEN, 4, lastRecheck)).isEmpty();
    assertThat(schedule.nextCheck(FIRST_SEEN, 9, lastRecheck)).isEmpty();
  }

  @Test
  void shouldCountFromWhenALateCheckActuallyRanSoADownServiceDoesNotCatchUpInABurst() {
    Instant lateRecheck = FIRST_SEEN.plus(Duration.ofDays(3));

    assertThat(schedule.nextCheck(FIRST_SEEN, 2, lateRecheck)).contains(lateRecheck.plus(Duration.ofMinutes(15)));
  }

  @Test
  void shouldCheckNeverAgainWhenNoGapsAreConfigured() {
    RecheckSchedule none = new RecheckSchedule(List.of());

    assertThat(none.nextCheck(FIRST_SEEN, 1, FIRST_SEEN)).isEmpty();
  }

  @Test
  void shouldRefuseNonPositiveGaps() {
    assertThatThrownBy(() -> new RecheckSchedule(List.of(Duration.ofMinutes(5), Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.article-recheck");
  }

  @Test
  void shouldRefuseAQuestionAboutAnArticleNeverFetched() {
    assertThatThrownBy(() -> schedule.nextCheck(FIRST_SEEN, 0, FIRST_SEEN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTreatACheckAsDueFromItsTimeOn() {
    Instant at = FIRST_SEEN.plusSeconds(60);

    assertThat(RecheckSchedule.isDue(at, at.minusMillis(1))).isFalse();
    assertThat(RecheckSchedule.isDue(at, at)).isTrue();
    assertThat(RecheckSchedule.isDue(at, at.plusSeconds(1))).isTrue();
    assertThat(RecheckSchedule.isDue(null, at)).isFalse();
  }
}
