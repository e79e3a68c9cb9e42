package io.newsdelta.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short fault suite in the build: separate processes on a real broker, each service killed with SIGKILL and
 * restarted, the broker stopped and restarted, the webhook down for a while — and still every edit is exactly
 * one version, one change and one notification. The long run is {@link FaultSuite#main}, see
 * docs/reliability.md.
 */
class FaultSuiteIT {
  @TempDir Path dir;

  @Test
  void shouldLoseNothingAndAnnounceNothingTwiceWhileServicesAreKilledAndTheBrokerRestarts() {
    Ledger ledger = FaultSuite.run(new FaultSuite.Settings(6, 18, 11, dir, Duration.ofMinutes(6), true));

    assertThat(ledger.faults()).hasSize(6);
    assertThat(ledger.edits()).isEqualTo(18);
    assertThat(ledger.problems()).isEmpty();
    assertThat(ledger.stackTraceLines()).as("stack trace lines in the services' logs").isZero();
    assertThat(ledger.versions()).isEqualTo(ledger.articles() + ledger.edits());
    assertThat(ledger.changes()).isEqualTo(ledger.edits());
    assertThat(ledger.notified()).isEqualTo(ledger.edits());
  }
}
