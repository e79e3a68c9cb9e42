package io.newsdelta.stories.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.stories.SeedTexts;
import io.newsdelta.stories.similarity.Bands;
import io.newsdelta.stories.similarity.MatchPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTopologyTest {
  private static final String BBC = "http://news.bbc.co.uk/1/hi/uk_politics/8020039.stm";
  private static final String OTHER = "https://www.techtimes.example/internet/uk-gov-wants-to-monitor-all-internet-use";
  private static final String BBC_FOLLOW_UP = "http://news.bbc.co.uk/1/hi/uk_politics/8021957.stm";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ArticleVersion> versions;
  private TestOutputTopic<String, StoryEvent> stories;

  @BeforeEach
  void setUp() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsdelta-stories");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(StoriesTopology.build(MatchPolicy.withThreshold(MatchPolicy.DEFAULT_THRESHOLD)), p);
    versions = driver.createInputTopic(
        Topics.ARTICLE_VERSIONS, Serdes.String().serializer(), JsonSerde.of(ArticleVersion.class));
    stories = driver.createOutputTopic(Topics.STORIES, Serdes.String().deserializer(), JsonSerde.of(StoryEvent.class));
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldGroupTheSeedStoryToldByAnotherOutletADayLater() {
    send(SeedTexts.version("v4", BBC, 1, T0));
    send(SeedTexts.version("other-outlet", OTHER, 1, T0.plus(Duration.ofDays(1))));

    List<TestRecord<String, StoryEvent>> events = stories.readRecordsToList();
    assertThat(events).extracting(TestRecord::key).containsOnly(BBC);
    assertThat(events).extracting(r -> r.value().kind()).containsExactly("member-added", "member-added");
    StoryEvent first = events.get(0).value();
    StoryEvent second = events.get(1).value();
    assertThat(first.articleId()).isEqualTo(BBC);
    assertThat(first.host()).isEqualTo("bbc.co.uk");
    assertThat(first.title()).isEqualTo("Phone and email tracking plan due");
    assertThat(first.members()).isEqualTo(1);
    assertThat(second.articleId()).isEqualTo(OTHER);
    assertThat(second.host()).isEqualTo("techtimes.example");
    assertThat(second.matchedArticleId()).isEqualTo(BBC);
    assertThat(second.similarity()).isBetween(MatchPolicy.DEFAULT_THRESHOLD, 0.2);
    assertThat(second.members()).isEqualTo(2);
    assertThat(second.firstSeen()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(new String(events.get(1).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
        .isEqualTo("io.newsdelta.story");
  }

  @Test
  void shouldAnnounceEachNewVersionOfAMemberAsAChangeOfItsStory() {
    send(SeedTexts.version("v4", BBC, 1, T0));
    send(SeedTexts.version("other-outlet", OTHER, 1, T0.plus(Duration.ofDays(1))));
    stories.readRecordsToList();

    send(SeedTexts.version("v5", BBC, 2, T0.plus(Duration.ofMinutes(40))));

    TestRecord<String, StoryEvent> change = stories.readRecord();
    assertThat(change.key()).isEqualTo(BBC);
    assertThat(change.value().kind()).isEqualTo("member-changed");
    assertThat(change.value().articleId()).isEqualTo(BBC);
    assertThat(change.value().version()).isEqualTo(2);
    assertThat(change.value().title()).isEqualTo("Plan to monitor all internet use");
    assertThat(change.value().members()).isEqualTo(2);
    assertThat(stories.isEmpty()).isTrue();
  }

  @Test
  void shouldNotGroupUnrelatedPagesNorTheOutletsOwnFollowUp() {
    send(SeedTexts.version("v5", BBC, 1, T0));
    send(corpus("threatpost-android-ransomware", "https://threatpost.com/android-ransomware/146774/", 1));
    send(corpus("mdavis-supermarket-surveillance", "https://www.mdavis.xyz/supermarket/", 2));
    send(SeedTexts.version("synthetic-bbc-follow-up", BBC_FOLLOW_UP, 1, T0.plus(Duration.ofDays(1))));

    assertThat(stories.isEmpty()).isTrue();
  }

  @Test
  void shouldGroupARealRetellingFromTheCorpus() {
    send(corpus("stluciatimes-bvi-premier-arrested", "https://stluciatimes.com/dea-bvi-premier", 1));
    send(corpus("stkittsnevisobserver-bvi-premier-arrested", "https://thestkittsnevisobserver.com/bvi-premier", 2));

    assertThat(stories.readValuesToList())
        .extracting(StoryEvent::storyId, StoryEvent::articleId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("https://stluciatimes.com/dea-bvi-premier", "https://stluciatimes.com/dea-bvi-premier"),
            org.assertj.core.groups.Tuple.tuple("https://stluciatimes.com/dea-bvi-premier", "https://thestkittsnevisobserver.com/bvi-premier"));
  }

  @Test
  void shouldMergeTwoStoriesThatOneArticleLinksAndKeepTheOlderId() {
    List<String> a = text(1);
    List<String> b = text(2);
    send(synthetic("https://one.example/a", a, 0));
    send(synthetic("https://two.example/a", a, 1));
    send(synthetic("https://three.example/b", b, 2));
    send(synthetic("https://four.example/b", b, 3));
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    send(synthetic("https://five.example/ab", both, 4));

    List<StoryEvent> events = stories.readValuesToList();
    StoryEvent merged = events.stream().filter(e -> e.kind().equals("stories-merged")).findFirst().orElseThrow();
    assertThat(merged.storyId()).isEqualTo("https://one.example/a");
    assertThat(merged.mergedStoryId()).isEqualTo("https://three.example/b");
    assertThat(merged.articleId()).isEqualTo("https://five.example/ab");
    assertThat(merged.members()).isEqualTo(5);

    // Later changes of the younger story's members are announced under the older id.
    send(synthetic("https://four.example/b", b, 5, 2));
    assertThat(stories.readValue())
        .extracting(StoryEvent::storyId, StoryEvent::kind)
        .containsExactly("https://one.example/a", "member-changed");
  }

  @Test
  void shouldRewriteOnlyTheBandsWhoseKeyALaterVersionChangedAndAllOfThemADayLater() {
    TestOutputTopic<String, String> bandLog = driver.createOutputTopic(
        "newsdelta-stories-" + BandProcessor.STORE + "-changelog", Serdes.String().deserializer(),
        Serdes.String().deserializer());
    List<String> paragraphs = text(7);
    send(synthetic("https://one.example/a", paragraphs, 0, 1));
    assertThat(bandLog.readRecordsToList()).hasSize(Bands.BANDS);

    List<String> edited = new ArrayList<>(paragraphs);
    edited.set(9, text(8).get(0));
    send(synthetic("https://one.example/a", edited, 1, 2));
    assertThat(bandLog.readRecordsToList()).hasSizeBetween(1, Bands.BANDS / 4);

    send(synthetic("https://one.example/a", edited, 2, 3));
    assertThat(bandLog.readRecordsToList()).isEmpty();

    send(synthetic("https://one.example/a", edited, 25, 4));
    assertThat(bandLog.readRecordsToList()).hasSize(Bands.BANDS);
  }

  @Test
  void shouldForgetTheBandKeysOfAnArticleOnceItIsInAStory() {
    TestOutputTopic<String, String> keysLog = driver.createOutputTopic(
        "newsdelta-stories-" + SignProcessor.STORE + "-changelog", Serdes.String().deserializer(),
        Serdes.String().deserializer());
    List<String> a = text(1);
    send(synthetic("https://one.example/a", a, 0));
    send(synthetic("https://two.example/a", a, 1));
    assertThat(stories.readValuesToList()).isNotEmpty();
    keysLog.readRecordsToList();

    send(synthetic("https://one.example/a", a, 2, 2));

    assertThat(keysLog.readRecordsToList()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("https://one.example/a");
      assertThat(r.value()).isNull();
    });
  }

  private void send(ArticleVersion v) {
    versions.pipeInput(v.articleId(), v, v.observedAt());
  }

  private static ArticleVersion corpus(String name, String url, int hours) {
    List<String> lines = io.newsdelta.stories.SeedTexts.resource("/corpus/" + name + ".txt");
    return new ArticleVersion(url, url, 1, T0.plus(Duration.ofHours(hours)), lines.get(0), null,
        lines.subList(1, lines.size()), "sha", null);
  }

  private static ArticleVersion synthetic(String url, List<String> paragraphs, int hours) {
    return synthetic(url, paragraphs, hours, 1);
  }

  private static ArticleVersion synthetic(String url, List<String> paragraphs, int hours, int version) {
    return new ArticleVersion(url, url, version, T0.plus(Duration.ofHours(hours)), "Story " + url, null,
        paragraphs, "sha" + version, null);
  }

  /** Ten paragraphs of made-up words: texts that share nothing unless built from the same seed. */
  private static List<String> text(long seed) {
    Random random = new Random(seed);
    List<String> paragraphs = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      StringBuilder s = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        s.append("w").append(seed).append('x').append(random.nextInt(5000)).append(' ');
      }
      paragraphs.add(s.toString().trim());
    }
    return paragraphs;
  }
}
