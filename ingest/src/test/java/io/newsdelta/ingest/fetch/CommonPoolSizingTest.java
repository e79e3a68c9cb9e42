package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPoolSizingTest {

  @Test
  void shouldAskForTwoOnMachinesWhoseDefaultPoolWouldStartAThreadPerTask() {
    assertThat(CommonPoolSizing.wanted(null, 1)).hasValue(2);
    assertThat(CommonPoolSizing.wanted(null, 2)).hasValue(2);
    assertThat(CommonPoolSizing.wanted("", 2)).hasValue(2);
  }

  @Test
  void shouldLeaveLargerMachinesAndAnOperatorsOwnSettingAlone() {
    assertThat(CommonPoolSizing.wanted(null, 3)).isEmpty();
    assertThat(CommonPoolSizing.wanted(null, 16)).isEmpty();
    assertThat(CommonPoolSizing.wanted("1", 2)).isEmpty();
  }
}
