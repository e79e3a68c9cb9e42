package io.newsdelta.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

  @Test
  void shouldCommitBelowTheLowestOpenChangeAndSkipTheSettledOnesAfterARestart() {
    PartitionProgress p = PartitionProgress.restore(10, null);
    for (long o = 10; o <= 14; o++) {
      assertThat(p.read(o)).isTrue();
    }
    p.settled(11);
    p.settled(13);
    p.settled(14);
    assertThat(p.committable()).isEqualTo(10);

    PartitionProgress next = PartitionProgress.restore(p.committable(), p.metadata());

    List<Long> delivered = new ArrayList<>();
    for (long o = 10; o <= 16; o++) {
      if (next.read(o)) {
        delivered.add(o);
      }
    }
    assertThat(delivered).containsExactly(10L, 12L, 15L, 16L);
  }

  @Test
  void shouldCommitPastEverythingOnceAllIsSettled() {
    PartitionProgress p = PartitionProgress.restore(0, null);
    p.read(0);
    p.read(1);
    p.settled(1);
    p.settled(0);
    assertThat(p.committable()).isEqualTo(2);
    assertThat(p.metadata()).isEmpty();
  }

  @Test
  void shouldDeliverEverythingAboveTheCommitWhenTheMetadataIsMissingOrUnreadable() {
    for (String metadata : new String[] {null, "", "old format", "v1:zz!:1"}) {
      PartitionProgress p = PartitionProgress.restore(5, metadata);
      assertThat(p.read(5)).isTrue();
      assertThat(p.read(6)).isTrue();
    }
  }

  @Test
  void shouldForgetARememberedOpenOffsetThatIsNeverReadAgain() {
    PartitionProgress p = PartitionProgress.restore(0, null);
    p.read(0);
    p.read(1);
    p.read(2);
    p.settled(1);
    PartitionProgress next = PartitionProgress.restore(p.committable(), p.metadata());
    // Offset 0 is gone (a gap): reading 2 first must not leave the commit stuck at 0.
    assertThat(next.read(2)).isTrue();
    next.settled(2);
    assertThat(next.committable()).isEqualTo(3);
  }

  @Test
  void shouldCutTheListShortRatherThanExceedTheMetadataLimitAndDeliverTheRestAgain() {
    PartitionProgress p = PartitionProgress.restore(0, null);
    int n = 20_000;
    for (long o = 0; o < n; o++) {
      p.read(o);
      if (o % 2 == 1) {
        p.settled(o); // every other one open: a long list
      }
    }
    String metadata = p.metadata();
    assertThat(metadata.length()).isLessThanOrEqualTo(PartitionProgress.MAX_METADATA_CHARS + 20);

    PartitionProgress next = PartitionProgress.restore(p.committable(), metadata);
    int delivered = 0;
    for (long o = 0; o < n; o++) {
      if (next.read(o)) {
        delivered++;
      } else {
        assertThat(o % 2).as("only settled offsets are skipped, offset %d", o).isEqualTo(1);
      }
    }
    assertThat(delivered).isGreaterThanOrEqualTo(n / 2).isLessThan(n);
  }
}
