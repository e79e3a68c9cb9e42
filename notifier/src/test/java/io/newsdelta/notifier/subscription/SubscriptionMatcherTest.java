package io.newsdelta.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.channel.ChangeEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionMatcherTest {
  private static final String URL = "https://www.bbc.co.uk/news/uk-politics-12345";
  private static final String FEED = "https://feeds.bbci.co.uk/news/politics/rss.xml";

  private static ArticleChange change(boolean headlineChanged, boolean minor, int added, int removed, Hunk... hunks) {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    return new ArticleChange(URL + "#1-2", URL, URL, "Minister resigns", 1, 2, t, t, headlineChanged, minor, null,
        List.of(hunks), new ChangeStats(added, removed), "summary", "Minister stays");
  }

  private static ChangeEvent event(ArticleChange c, String kind, String feedUrl) {
    ObjectNode node = Json.mapper().valueToTree(c);
    if (kind != null) {
      node.put("kind", kind);
    }
    if (feedUrl != null) {
      node.put("feedUrl", feedUrl);
    }
    return ChangeEvent.read(Json.writeBytes(node), "src");
  }

  private static ChangeEvent plain(Hunk... hunks) {
    return event(change(false, false, 3, 1, hunks), null, null);
  }

  private static SubscriptionConfig sub(List<String> feeds, String glob, List<String> text, Boolean headline,
      Integer minWords, Boolean minor, List<String> kinds) {
    return new SubscriptionConfig("s", feeds, glob, text, headline, minWords, minor, kinds, List.of("desk"));
  }

  private static SubscriptionConfig text(String... terms) {
    return sub(null, null, List.of(terms), null, null, null, null);
  }

  private static final Hunk SURVEILLANCE = new Hunk(Hunk.Op.REPLACE, "the police said", "Big Brother surveillance rules");

  @Test
  void shouldMatchARemovalOnItsKindWithoutTheFiltersOnEditedWords() {
    SubscriptionConfig removals = sub(null, "*/uk-politics-*", List.of("resign"), true, 5, false,
        List.of("edit", "removed"));
    ChangeEvent removed = event(change(false, false, 0, 0), "removed", null);
    ChangeEvent restored = event(change(false, false, 0, 0), "restored", null);
    ChangeEvent tinyEdit = event(change(false, false, 1, 0), "edit", null);

    assertThat(SubscriptionMatcher.matches(removals, removed)).isTrue();
    assertThat(SubscriptionMatcher.matches(removals, restored)).as("kind not listed").isFalse();
    assertThat(SubscriptionMatcher.matches(removals, tinyEdit)).as("edits still filtered").isFalse();
  }

  @Test
  void shouldMatchEverythingWhenNoConditionIsGiven() {
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, null, null, null), plain())).isTrue();
  }

  @Test
  void shouldMatchTheFeedOnlyWhenTheChangeCarriesIt() {
    SubscriptionConfig s = sub(List.of(FEED), null, null, null, null, null, null);

    assertThat(SubscriptionMatcher.matches(s, event(change(false, false, 1, 0), null, FEED))).isTrue();
    assertThat(SubscriptionMatcher.matches(s, event(change(false, false, 1, 0), null, "https://other.example/rss"))).isFalse();
    assertThat(SubscriptionMatcher.matches(s, plain())).isFalse();
  }

  @Test
  void shouldMatchTheUrlAgainstAGlobAsAWhole() {
    assertThat(SubscriptionMatcher.matches(sub(null, "*/uk-politics-*", null, null, null, null, null), plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, "https://www.bbc.co.uk/news/*", null, null, null, null, null), plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, "*/uk-politics-1234?", null, null, null, null, null), plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, "*/world-*", null, null, null, null, null), plain())).isFalse();
    assertThat(SubscriptionMatcher.matches(sub(null, "uk-politics", null, null, null, null, null), plain())).isFalse();
    // Regex characters in a glob are literal.
    assertThat(SubscriptionMatcher.matches(sub(null, "https://www.bbc.co.uk/news/uk-politics-12345", null, null, null, null, null), plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, "https://www-bbc.co.uk/*", null, null, null, null, null), plain())).isFalse();
  }

  @Test
  void shouldFindWholeWordsInAnyCaseInInsertedOrDeletedText() {
    assertThat(SubscriptionMatcher.matches(text("big brother"), plain(SURVEILLANCE))).isTrue();
    assertThat(SubscriptionMatcher.matches(text("POLICE"), plain(SURVEILLANCE))).as("deleted text").isTrue();
    assertThat(SubscriptionMatcher.matches(text("Brother"), plain(new Hunk(Hunk.Op.INSERT, "", "Brotherhood")))).isFalse();
    assertThat(SubscriptionMatcher.matches(text("minister"), plain(SURVEILLANCE))).as("unchanged headline").isFalse();
    assertThat(SubscriptionMatcher.matches(text("Big  Brother"), plain(new Hunk(Hunk.Op.INSERT, "", "big\nbrother")))).isTrue();
  }

  @Test
  void shouldFindRegularExpressionsBetweenSlashes() {
    assertThat(SubscriptionMatcher.matches(text("/surveil\\w+/"), plain(SURVEILLANCE))).isTrue();
    assertThat(SubscriptionMatcher.matches(text("/SURVEIL\\w+/"), plain(SURVEILLANCE))).isFalse();
    assertThat(SubscriptionMatcher.matches(text("/SURVEIL\\w+/i"), plain(SURVEILLANCE))).isTrue();
    assertThat(SubscriptionMatcher.matches(text("nothing", "/rul(e|es)\\b/"), plain(SURVEILLANCE))).as("any term").isTrue();
  }

  @Test
  void shouldSearchTheHeadlineWhenItChanged() {
    ChangeEvent headline = event(change(true, false, 1, 1), null, null);

    assertThat(SubscriptionMatcher.matches(text("resigns"), headline)).isTrue();
    assertThat(SubscriptionMatcher.matches(text("stays"), headline)).isTrue();
  }

  @Test
  void shouldKeepOnlyHeadlineChangesWhenAsked() {
    SubscriptionConfig s = sub(null, null, null, true, null, null, null);

    assertThat(SubscriptionMatcher.matches(s, event(change(true, false, 1, 1), null, null))).isTrue();
    assertThat(SubscriptionMatcher.matches(s, plain())).isFalse();
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, false, null, null, null), plain())).isTrue();
  }

  @Test
  void shouldCountWordsAddedAndRemovedAgainstTheMinimum() {
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, 4, null, null), plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, 5, null, null), plain())).isFalse();
  }

  @Test
  void shouldLeaveMinorChangesOutOnlyWhenAsked() {
    ChangeEvent minor = event(change(false, true, 1, 0), null, null);

    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, null, false, null), minor)).isFalse();
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, null, true, null), minor)).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, null, null, null), minor)).isTrue();
    assertThat(SubscriptionMatcher.matches(sub(null, null, null, null, null, false, null), plain())).isTrue();
  }

  @Test
  void shouldTreatAChangeWithoutKindAsAnEdit() {
    SubscriptionConfig edits = sub(null, null, null, null, null, null, List.of("edit"));
    SubscriptionConfig removals = sub(null, null, null, null, null, null, List.of("removed", "moved"));

    assertThat(SubscriptionMatcher.matches(edits, plain())).isTrue();
    assertThat(SubscriptionMatcher.matches(removals, plain())).isFalse();
    assertThat(SubscriptionMatcher.matches(removals, event(change(false, false, 0, 9), "removed", null))).isTrue();
    assertThat(SubscriptionMatcher.matches(edits, event(change(false, false, 0, 9), "moved", null))).isFalse();
  }

  @Test
  void shouldRequireEveryConditionGiven() {
    SubscriptionConfig s = sub(null, "*/uk-politics-*", List.of("surveillance"), null, 4, false, List.of("edit"));

    assertThat(SubscriptionMatcher.matches(s, plain(SURVEILLANCE))).isTrue();
    assertThat(SubscriptionMatcher.matches(s, plain())).as("no such words").isFalse();
    assertThat(SubscriptionMatcher.matches(s, event(change(false, true, 3, 1, SURVEILLANCE), null, null))).as("minor").isFalse();
  }

  @Test
  void shouldRefuseABrokenRegexOrAnUnknownKindWithTheKey() {
    assertThatThrownBy(() -> text("/(unclosed/")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("notifier.subscriptions[s].text").hasMessageContaining("/(unclosed/");
    assertThatThrownBy(() -> sub(null, null, null, null, null, null, List.of("deleted")))
        .hasMessageContaining("kinds").hasMessageContaining("edit, removed, moved, restored");
  }
}
