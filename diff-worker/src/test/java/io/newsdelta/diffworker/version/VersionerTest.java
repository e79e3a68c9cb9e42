package io.newsdelta.diffworker.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.diffworker.SeedStory;
import io.newsdelta.events.ArticleChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionerTest {
  private static final String ID = "https://news.example/politics/8020039";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  @Test
  void shouldRecordTheFirstVersionWithoutAnnouncingIt() {
    Observation first = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));

    assertThat(first.version().version()).isEqualTo(1);
    assertThat(first.version().title()).isEqualTo("Phone and email tracking plan due");
    assertThat(first.change()).isNull();
  }

  @Test
  void shouldNumberAndDescribeARealEdit() {
    Observation first = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));
    Instant later = T0.plus(Duration.ofMinutes(40));

    Observation second = Versioner.observe(first.state(), ID, ID, later, SeedStory.version(5));

    assertThat(second.version().version()).isEqualTo(2);
    assertThat(second.change().fromVersion()).isEqualTo(1);
    assertThat(second.change().toVersion()).isEqualTo(2);
    assertThat(second.change().headlineChanged()).isTrue();
    assertThat(second.change().previousTitle()).isEqualTo("Phone and email tracking plan due");
    assertThat(second.change().title()).isEqualTo("Plan to monitor all internet use");
    assertThat(second.change().minor()).isFalse();
    assertThat(second.change().minorKind()).isNull();
    assertThat(second.change().revertOf()).isNull();
    assertThat(second.change().changeId()).isEqualTo(ID + "#1-2");
    assertThat(second.change().fromObservedAt()).isEqualTo(T0);
    assertThat(second.change().toObservedAt()).isEqualTo(later);
    assertThat(second.change().summary()).contains("40 minutes later").contains("Plan to monitor all internet use");
  }

  @Test
  void shouldNotCreateAVersionWhenTheTextIsTheSame() {
    Observation first = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));

    Observation again = Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), SeedStory.version(4));

    assertThat(again.isNewVersion()).isFalse();
    assertThat(again.state()).isEqualTo(first.state());
  }

  @Test
  void shouldFlagASmallEditAsMinor() {
    ArticleText a = new ArticleText("Title", null, null, List.of("The vote is on Tuesday."));
    ArticleText b = new ArticleText("Title", null, null, List.of("The vote is on Wednesday."));
    Observation first = Versioner.observe(null, ID, ID, T0, a);

    Observation second = Versioner.observe(first.state(), ID, ID, T0.plusSeconds(60), b);

    assertThat(second.change().minor()).isTrue();
    assertThat(second.change().minorKind()).isEqualTo("few-words");
    assertThat(second.change().headlineChanged()).isFalse();
  }

  @Test
  void shouldRecogniseARevertToAnEarlierText() {
    Observation v1 = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), SeedStory.version(5));

    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), SeedStory.version(4));

    assertThat(v3.version().version()).isEqualTo(3);
    assertThat(v3.change().revertOf()).isEqualTo(1);
  }

  @Test
  void shouldRebaselineSilentlyWhenTheExtractorChanged() {
    VersionPolicy oldRules = new VersionPolicy("1", Duration.ofMinutes(15));
    VersionPolicy newRules = new VersionPolicy("2", Duration.ofMinutes(15));
    Observation v1 = Versioner.observe(null, ID, ID, T0, SeedStory.version(4), oldRules);

    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), SeedStory.version(5), newRules);
    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), SeedStory.version(4), newRules);

    assertThat(v1.version().extractorVersion()).isEqualTo("1");
    assertThat(v2.version().version()).isEqualTo(2);
    assertThat(v2.version().rebaseline()).isTrue();
    assertThat(v2.version().extractorVersion()).isEqualTo("2");
    assertThat(v2.change()).isNull();
    assertThat(v2.state().extractorVersion()).isEqualTo("2");
    assertThat(v3.version().version()).isEqualTo(3);
    assertThat(v3.version().rebaseline()).isFalse();
    assertThat(v3.change().fromVersion()).isEqualTo(2);
  }

  @Test
  void shouldAdoptNewRulesWithoutAVersionWhenTheyGiveTheSameText() {
    Observation v1 = Versioner.observe(null, ID, ID, T0, SeedStory.version(4), new VersionPolicy("1", Duration.ofMinutes(15)));
    VersionPolicy newRules = new VersionPolicy("2", Duration.ofMinutes(15));

    Observation same = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), SeedStory.version(4), newRules);
    Observation edit = Versioner.observe(same.state(), ID, ID, T0.plusSeconds(120), SeedStory.version(5), newRules);

    assertThat(same.isNewVersion()).isFalse();
    assertThat(same.state().extractorVersion()).isEqualTo("2");
    assertThat(edit.change()).isNotNull();
    assertThat(edit.version().rebaseline()).isFalse();
  }

  @Test
  void shouldRebaselineAStateWrittenBeforeExtractorVersionsWereRecorded() {
    Observation v1 = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));
    ArticleState legacy = io.newsdelta.events.Json.read(
        "{\"latest\":" + io.newsdelta.events.Json.write(v1.version()).replace("\"extractorVersion\":\"" 
            + v1.version().extractorVersion() + "\"", "\"extractorVersion\":null")
            + ",\"textHashes\":[\"" + v1.version().textSha256() + "\"]}", ArticleState.class);

    Observation v2 = Versioner.observe(legacy, ID, ID, T0.plusSeconds(60), SeedStory.version(5));

    assertThat(legacy.extractorVersion()).isNull();
    assertThat(v2.version().version()).isEqualTo(2);
    assertThat(v2.version().rebaseline()).isTrue();
    assertThat(v2.change()).isNull();
  }

  @Test
  void shouldAnnounceAFlipFlopOncePerPairOfTextsThenOnlyRecordIt() {
    ArticleText a = new ArticleText("Minister resigns", null, null, List.of("The minister resigned today."));
    ArticleText b = new ArticleText("Minister quits in row", null, null, List.of("The minister resigned today."));
    Observation v1 = Versioner.observe(null, ID, ID, T0, a);
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), b);
    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), a);
    Observation v4 = Versioner.observe(v3.state(), ID, ID, T0.plusSeconds(180), b);
    Observation v5 = Versioner.observe(v4.state(), ID, ID, T0.plusSeconds(240), a);

    assertThat(List.of(v2, v3, v4, v5)).extracting(o -> o.version().version()).containsExactly(2, 3, 4, 5);
    assertThat(v2.change()).isNotNull();
    assertThat(v3.change().revertOf()).isEqualTo(1);
    assertThat(v4.change()).isNull();
    assertThat(v4.version().revertOf()).isEqualTo(2);
    assertThat(v5.change()).isNull();
    assertThat(v5.version().revertOf()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheRememberedTextsBounded() {
    Observation o = Versioner.observe(null, ID, ID, T0, new ArticleText("T", null, null, List.of("p0")));
    for (int i = 1; i < 200; i++) {
      o = Versioner.observe(o.state(), ID, ID, T0.plusSeconds(i), new ArticleText("T", null, null, List.of("p" + i)));
    }

    assertThat(o.state().seen()).hasSize(ArticleState.MAX_SEEN);
    assertThat(o.state().announcedPairs()).hasSize(ArticleState.MAX_PAIRS);
    assertThat(o.state().seen().get(0).hash()).hasSize(ArticleState.SHORT_HASH);
  }

  @Test
  void shouldRecogniseRevertsInAStateWrittenBeforeSeenTexts() {
    Observation v1 = Versioner.observe(null, ID, ID, T0, SeedStory.version(4));
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), SeedStory.version(5));
    ArticleState legacy = io.newsdelta.events.Json.read(
        "{\"latest\":" + io.newsdelta.events.Json.write(v2.version()) + ",\"textHashes\":[\""
            + v1.version().textSha256() + "\",\"" + v2.version().textSha256() + "\"],\"extractorVersion\":\""
            + v2.state().extractorVersion() + "\"}", ArticleState.class);

    Observation v3 = Versioner.observe(legacy, ID, ID, T0.plusSeconds(120), SeedStory.version(4));

    assertThat(v3.change().revertOf()).isEqualTo(1);
  }

  private static ArticleText blog(int posts) {
    List<String> paragraphs = new java.util.ArrayList<>();
    for (int i = posts; i >= 1; i--) {
      paragraphs.add("Post " + i + ": the count goes on in the hall.");
    }
    paragraphs.add("Welcome to our live coverage of the election count.");
    return new ArticleText("Election live", null, null, paragraphs);
  }

  @Test
  void shouldHoldLiveBlogPostsWithinThePeriodAndReleaseThemAsOneChange() {
    VersionPolicy policy = new VersionPolicy("1", Duration.ofMinutes(15));
    Observation v1 = Versioner.observe(null, ID, ID, T0, blog(0), policy);
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), blog(1), policy);
    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), blog(2), policy);
    Observation v4 = Versioner.observe(v3.state(), ID, ID, T0.plusSeconds(180), blog(3), policy);

    Observation early = Versioner.release(v4.state(), T0.plusSeconds(600), policy);
    Observation due = Versioner.release(v4.state(), T0.plusSeconds(60 + 15 * 60), policy);

    assertThat(v2.change().appendOnly()).isTrue();
    assertThat(v3.change()).isNull();
    assertThat(v4.change()).isNull();
    assertThat(v4.version().version()).isEqualTo(4);
    assertThat(v4.state().holding()).isTrue();
    assertThat(early.changes()).isEmpty();
    ArticleChange summary = due.change();
    assertThat(summary.fromVersion()).isEqualTo(2);
    assertThat(summary.toVersion()).isEqualTo(4);
    assertThat(summary.appendOnly()).isTrue();
    assertThat(summary.hunks()).extracting(h -> h.newText()).containsExactly(
        "Post 3: the count goes on in the hall.\nPost 2: the count goes on in the hall.");
    assertThat(summary.summary()).contains("2 paragraphs added in 2 updates").contains("Post 3");
    assertThat(due.state().holding()).isFalse();
  }

  @Test
  void shouldAnnounceHeldPostsWithTheNextRealEditSoNoAdditionIsLost() {
    VersionPolicy policy = new VersionPolicy("1", Duration.ofMinutes(15));
    Observation v1 = Versioner.observe(null, ID, ID, T0, blog(0), policy);
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), blog(1), policy);
    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), blog(2), policy);
    ArticleText edited = new ArticleText("Election live: results", null, null, blog(2).paragraphs());

    Observation v4 = Versioner.observe(v3.state(), ID, ID, T0.plusSeconds(180), edited, policy);

    assertThat(v3.change()).isNull();
    assertThat(v4.change().fromVersion()).isEqualTo(2);
    assertThat(v4.change().toVersion()).isEqualTo(4);
    assertThat(v4.change().appendOnly()).isFalse();
    assertThat(v4.change().headlineChanged()).isTrue();
    assertThat(v4.change().hunks()).extracting(h -> h.newText()).contains("Post 2: the count goes on in the hall.");
    assertThat(v4.state().holding()).isFalse();
  }

  @Test
  void shouldAnnounceAnAdditionAtOnceAfterAQuietPeriod() {
    VersionPolicy policy = new VersionPolicy("1", Duration.ofMinutes(15));
    Observation v1 = Versioner.observe(null, ID, ID, T0, blog(0), policy);
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), blog(1), policy);

    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(60 + 16 * 60), blog(2), policy);

    assertThat(v3.change().fromVersion()).isEqualTo(2);
    assertThat(v3.change().appendOnly()).isTrue();
  }

  @Test
  void shouldAnnounceAParagraphInsertedBetweenOldOnesAtOnceEvenWithinTheLiveBlogPeriod() {
    VersionPolicy policy = new VersionPolicy("1", Duration.ofMinutes(15));
    ArticleText first = new ArticleText("Minister resigns", null, null,
        List.of("The minister resigned today.", "She had served four years.", "Her deputy takes over."));
    ArticleText retitled = new ArticleText("Minister resigns over expenses", null, null, first.paragraphs());
    ArticleText inserted = new ArticleText("Minister resigns over expenses", null, null,
        List.of("The minister resigned today.", "The expenses inquiry reports next week.",
            "She had served four years.", "Her deputy takes over."));
    ArticleText grown = new ArticleText("Minister resigns over expenses", null, null,
        List.of("The minister resigned today.", "The expenses inquiry reports next week.",
            "She had served four years.", "Her deputy takes over.", "She left the building at noon."));
    Observation v1 = Versioner.observe(null, ID, ID, T0, first, policy);
    Observation v2 = Versioner.observe(v1.state(), ID, ID, T0.plusSeconds(60), retitled, policy);

    Observation v3 = Versioner.observe(v2.state(), ID, ID, T0.plusSeconds(120), inserted, policy);
    Observation v4 = Versioner.observe(v3.state(), ID, ID, T0.plusSeconds(180), grown, policy);

    assertThat(v2.change().headlineChanged()).isTrue();
    assertThat(v3.change()).as("an insertion inside the story is an edit, not a live-blog post").isNotNull();
    assertThat(v3.change().appendOnly()).isFalse();
    assertThat(v3.change().fromVersion()).isEqualTo(2);
    assertThat(v3.change().toVersion()).isEqualTo(3);
    assertThat(v4.change()).as("a paragraph added at the end within the period is held").isNull();
    assertThat(v4.state().holding()).isTrue();
  }
}
