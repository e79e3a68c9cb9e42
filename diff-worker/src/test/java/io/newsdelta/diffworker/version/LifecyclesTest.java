package io.newsdelta.diffworker.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecyclesTest {
  private static final String ID = "https://news.example/a/1";
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final ArticleState STATE = new ArticleState(
      new ArticleVersion(ID, ID, 3, T0, "Headline", null, List.of("Text."), "abc", null), List.of(), "1");

  @Test
  void shouldKeepWhatIsAnnouncedInTheStoredStateSoAReplayedEventChangesNothing() {
    Observation moved = Lifecycles.observe(STATE, event(RawVersion.LifecycleKind.MOVED, "https://news.example/b", 1));

    ArticleState stored = Json.read(Json.write(moved.state()), ArticleState.class);
    Observation replayed = Lifecycles.observe(stored, event(RawVersion.LifecycleKind.MOVED, "https://news.example/b", 1));
    Observation elsewhere = Lifecycles.observe(stored, event(RawVersion.LifecycleKind.MOVED, "https://news.example/c", 2));

    assertThat(stored.absent()).isEqualTo(ArticleChange.Kind.MOVED);
    assertThat(stored.movedTo()).isEqualTo("https://news.example/b");
    assertThat(replayed.changes()).isEmpty();
    assertThat(replayed.state()).isSameAs(stored);
    assertThat(elsewhere.change().movedTo()).isEqualTo("https://news.example/c");
    assertThat(elsewhere.change().changeId()).isNotEqualTo(moved.change().changeId());
  }

  @Test
  void shouldNotRestoreAnArticleThatWasNeverAnnouncedGone() {
    assertThat(Lifecycles.observe(STATE, event(RawVersion.LifecycleKind.RESTORED, null, 1)).changes()).isEmpty();
  }

  @Test
  void shouldReadAStateOfAnOlderWorkerAsPresent() {
    String older = "{\"latest\":{\"articleId\":\"" + ID + "\",\"version\":1,\"textSha256\":\"abc\","
        + "\"paragraphs\":[]},\"textHashes\":[\"abc\"],\"extractorVersion\":\"1\"}";

    ArticleState state = Json.read(older, ArticleState.class);

    assertThat(state.absent()).isNull();
    assertThat(Lifecycles.observe(state, event(RawVersion.LifecycleKind.REMOVED, null, 1)).change().kind())
        .isEqualTo(ArticleChange.Kind.REMOVED);
  }

  private static RawVersion event(RawVersion.LifecycleKind kind, String movedTo, int minutes) {
    return new RawVersion(ID, ID, "https://news.example/rss", T0.plusSeconds(60L * minutes), 301, null, "", "",
        new RawVersion.Lifecycle(kind, T0, 2, movedTo, "301 Moved Permanently"));
  }
}
