package io.newsdelta.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.bench.edit.Ledger;
import io.newsdelta.bench.edit.LedgerEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

  private static LedgerEntry rewrite(int article, long at, long lastCheck, String text, String previous) {
    return new LedgerEntry(article, "REWRITE", at, lastCheck, 1, text, previous);
  }

  @Test
  void shouldCountAnEditDetectedWhenAnAlertAfterItShowsItsNewWords() {
    Ledger ledger = new Ledger();
    ledger.add(rewrite(3, 10_000, 8_000, "The regulator approved the harbour plan.", "The council rejected the plan."));
    ledger.firstServed(3, 1, 18_500);
    Alert alert = new Alert(19_000, 3, 18_600, "t", false, "regulator approved harbour", "council rejected", "u");

    Scoring.Result r = Scoring.score(ledger, List.of(alert), 10_000);

    assertThat(r.detected()).isEqualTo(1);
    assertThat(r.missed()).isZero();
    assertThat(r.unexplainedAlerts()).isZero();
    assertThat(r.editToAlert()).containsExactly(9_000);
    assertThat(r.beyondWait()).containsExactly(1_000);  // due at 8,000 + 10,000
    assertThat(r.pipelineOwn()).containsExactly(400);
    assertThat(r.recheckLateness()).containsExactly(500);
  }

  @Test
  void shouldCountTheWaitUpToAnEarlyReCheckNotUpToItsNominalTime() {
    Ledger ledger = new Ledger();
    ledger.add(rewrite(3, 10_000, 8_000, "The regulator approved the harbour plan.", "The council rejected the plan."));
    ledger.firstServed(3, 1, 16_000); // nominally due at 18,000: checked 2 s early
    Alert alert = new Alert(16_700, 3, 16_100, "t", false, "regulator approved harbour", "council rejected", "u");

    Scoring.Result r = Scoring.score(ledger, List.of(alert), 10_000);

    assertThat(r.beyondWait()).containsExactly(700); // from 16,000, not -1,300 from 18,000
    assertThat(r.recheckLateness()).containsExactly(-2_000);
    assertThat(r.pipelineOwn()).containsExactly(600);
  }

  @Test
  void shouldCountAnAlertWithOtherTextOrBeforeTheEditAsUnexplainedAndTheEditAsMissed() {
    Ledger ledger = new Ledger();
    ledger.add(rewrite(3, 10_000, 8_000, "The regulator approved the harbour plan.", "The council rejected the plan."));
    ledger.add(new LedgerEntry(4, LedgerEntry.BOILERPLATE, 10_000, 9_000, 0, null, null));
    Alert wrongText = new Alert(19_000, 3, 18_600, "t", false, "sidebar most read", "", "u");
    Alert beforeEdit = new Alert(9_500, 3, 9_400, "t", false, "regulator approved harbour", "", "u");
    Alert boilerplate = new Alert(19_000, 4, 18_000, "t", false, "Updated 12:00", "Updated 11:59", "u");

    Scoring.Result r = Scoring.score(ledger, List.of(wrongText, beforeEdit, boilerplate), 10_000);

    assertThat(r.detected()).isZero();
    assertThat(r.missed()).isEqualTo(1);
    assertThat(r.boilerplateChanges()).isEqualTo(1);
    assertThat(r.unexplainedAlerts()).isEqualTo(3);
    assertThat(r.alertsOnArticlesNeverEdited()).isEqualTo(1);
    assertThat(r.unexplained()).containsExactlyInAnyOrder(wrongText, beforeEdit, boilerplate);
  }

  @Test
  void shouldMatchHeadlinesExactlyAndDeletionsByTheirOldText() {
    Ledger ledger = new Ledger();
    ledger.add(new LedgerEntry(1, "HEADLINE", 1_000, 500, 1, "New budget plan delayed", "Old title"));
    ledger.add(new LedgerEntry(2, "DELETE", 1_000, 500, 1, "Witnesses described the storm.", null));
    Alert headline = new Alert(3_000, 1, 2_000, "New budget plan delayed", true, "", "", "u");
    Alert delete = new Alert(3_000, 2, 2_000, "x", false, "", "Witnesses described the storm.", "u");

    assertThat(Scoring.score(ledger, List.of(headline, delete), 1_000).detected()).isEqualTo(2);
    assertThat(Scoring.percentile(new long[] {1, 2, 3, 4}, 50)).isEqualTo(2);
    assertThat(Scoring.percentile(new long[] {1, 2, 3, 4}, 99)).isEqualTo(4);
    assertThat(Scoring.percentile(new long[0], 99)).isEqualTo(-1);
  }
}
