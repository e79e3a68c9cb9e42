package io.newsdelta.stories.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.StoryEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryBookTest {
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");
  private static final String BBC = "http://news.bbc.co.uk/1/hi/uk_politics/8020039.stm";
  private static final String OTHER = "https://www.techtimes.example/uk-gov";

  @Test
  void shouldShowTheMembersSideBySideWithTheirVersionsEarliestFirst() {
    StoryBook book = new StoryBook(10, 10);
    book.apply(added(BBC, BBC, "bbc.co.uk", "Phone and email tracking plan due", 1, 0, null));
    book.apply(added(BBC, OTHER, "techtimes.example", "UK Gov. Wants to Monitor All Internet Use", 1, 24 * 60, 0.06));
    book.apply(changed(BBC, BBC, "Plan to monitor all internet use", 2, 40));

    StoryPage page = book.story(BBC).orElseThrow();
    assertThat(page.startedAt()).isEqualTo(T0);
    assertThat(page.members()).extracting(StoryPage.Member::articleId).containsExactly(BBC, OTHER);
    StoryPage.Member bbc = page.members().get(0);
    assertThat(bbc.title()).isEqualTo("Plan to monitor all internet use");
    assertThat(bbc.latestVersion()).isEqualTo(2);
    assertThat(bbc.versions()).extracting(StoryPage.Version::observedAt)
        .containsExactly(T0, T0.plus(Duration.ofMinutes(40)));
    assertThat(page.members().get(1).similarity()).isEqualTo(0.06);
    assertThat(book.storyOf(OTHER)).contains(BBC);
  }

  @Test
  void shouldCountAMemberAnnouncedTwiceOnce() {
    StoryBook book = new StoryBook(10, 10);
    book.apply(added(BBC, BBC, "bbc.co.uk", "t", 1, 0, null));
    book.apply(added(BBC, BBC, "bbc.co.uk", "t", 1, 0, null));
    assertThat(book.story(BBC).orElseThrow().members()).hasSize(1);
    assertThat(book.story(BBC).orElseThrow().members().get(0).versions()).hasSize(1);
  }

  @Test
  void shouldMoveTheMembersOfAMergedStoryUnderTheOlderId() {
    StoryBook book = new StoryBook(10, 10);
    book.apply(added("a1", "a1", "one.example", "A", 1, 0, null));
    book.apply(added("a1", "a2", "two.example", "A", 1, 60, 0.5));
    book.apply(added("b1", "b1", "three.example", "B", 1, 120, null));
    book.apply(added("b1", "b2", "four.example", "B", 1, 180, 0.5));
    book.apply(new StoryEvent("a1", StoryEvent.STORIES_MERGED, "c", "c", "five.example", "AB", 1, T0, T0, 0.4,
        "b1", 4, "b1"));

    assertThat(book.story("b1").orElseThrow().storyId()).isEqualTo("a1");
    assertThat(book.story("a1").orElseThrow().members()).extracting(StoryPage.Member::articleId)
        .containsExactly("a1", "a2", "b1", "b2");
    assertThat(book.story("a1").orElseThrow().mergedStoryIds()).containsExactly("b1");
    assertThat(book.storyOf("b2")).contains("a1");
    book.apply(changed("b1", "b2", "B again", 2, 300));
    assertThat(book.story("a1").orElseThrow().members().get(3).latestVersion()).isEqualTo(2);
    assertThat(book.size()).isEqualTo(1);
  }

  @Test
  void shouldDropTheLeastRecentlyChangedStoryAndOldestVersionsBeyondItsBounds() {
    StoryBook book = new StoryBook(2, 2);
    book.apply(added("s1", "s1", "one.example", "1", 1, 0, null));
    book.apply(added("s2", "s2", "one.example", "2", 1, 1, null));
    book.apply(changed("s1", "s1", "1b", 2, 2));
    book.apply(changed("s1", "s1", "1c", 3, 3));
    book.apply(added("s3", "s3", "one.example", "3", 1, 4, null));

    assertThat(book.story("s2")).isEmpty();
    assertThat(book.storyOf("s2")).isEmpty();
    assertThat(book.story("s1").orElseThrow().members().get(0).versions())
        .extracting(StoryPage.Version::version).containsExactly(2, 3);
  }

  private static StoryEvent added(String story, String article, String host, String title, int version, int minutes,
      Double similarity) {
    Instant at = T0.plus(Duration.ofMinutes(minutes));
    return new StoryEvent(story, StoryEvent.MEMBER_ADDED, article, article, host, title, version, at, at, similarity,
        null, 0, null);
  }

  private static StoryEvent changed(String story, String article, String title, int version, int minutes) {
    Instant at = T0.plus(Duration.ofMinutes(minutes));
    return new StoryEvent(story, StoryEvent.MEMBER_CHANGED, article, article, "h", title, version, at, null, null,
        null, 0, null);
  }
}
