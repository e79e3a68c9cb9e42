package io.newsdelta.diffworker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.diffworker.SeedPage;
import io.newsdelta.diffworker.SeedStory;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.diffworker.version.ArticleState;
import io.newsdelta.extract.ExtractorVersion;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import org.junit.jupiter.api.io.TempDir;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiffTopologyTest {
  private static final String URL = "https://news.example/uk-politics/8020039";
  private static final Instant T0 = Instant.parse("2009-04-27T10:00:00Z");

  private TopologyTestDriver driver;
  private TestInputTopic<String, RawVersion> raw;
  private TestOutputTopic<String, ArticleVersion> versions;
  private TestOutputTopic<String, ArticleChange> changes;

  @TempDir Path stateDir;

  @BeforeEach
  void setUp() {
    Properties props =
        DiffWorkerService.streamsProperties(new DiffWorkerConfig(1, stateDir, List.of()), "unused:9092");
    driver = new TopologyTestDriver(DiffTopology.build(ArticleExtractor.generic()), props, T0);
    raw = driver.createInputTopic(Topics.RAW_VERSIONS, Serdes.String().serializer(), JsonSerde.of(RawVersion.class));
    versions =
        driver.createOutputTopic(
            Topics.ARTICLE_VERSIONS, Serdes.String().deserializer(), JsonSerde.of(ArticleVersion.class));
    changes =
        driver.createOutputTopic(
            Topics.ARTICLE_CHANGES, Serdes.String().deserializer(), JsonSerde.of(ArticleChange.class));
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  @Test
  void shouldRecordTheFirstVersionAndAnnounceTheEdit() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    send(SeedPage.html(SeedStory.version(5), 2), 40);

    assertThat(versions.readValuesToList()).extracting(ArticleVersion::version).containsExactly(1, 2);
    ArticleChange change = changes.readValue();
    assertThat(change.previousTitle()).isEqualTo("Phone and email tracking plan due");
    assertThat(change.title()).isEqualTo("Plan to monitor all internet use");
    assertThat(change.fromVersion()).isEqualTo(1);
    assertThat(change.toVersion()).isEqualTo(2);
    assertThat(change.kind()).isEqualTo(ArticleChange.Kind.EDIT);
    assertThat(change.movedTo()).isNull();
    assertThat(change.hunks()).extracting(Hunk::op).containsOnly(Hunk.Op.REPLACE);
    assertThat(change.hunks()).hasSize(4);
    assertThat(change.stats().sentencesEdited() + change.stats().sentencesAdded()).isPositive();
    assertThat(change.summary()).containsPattern("\\d+ sentences? (added|deleted|rewritten)")
        .contains("headline changed from");
    assertThat(change.hunks())
        .allSatisfy(
            h -> assertThat(h.oldText() + h.newText()).doesNotContain("Popular", "Buy product", "Updated", "comments", "Most read", "Related"));
    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void shouldNotCreateAVersionWhenOnlyTheBoilerplateChanged() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    send(SeedPage.html(SeedStory.version(4), 2), 5);
    send(SeedPage.html(SeedStory.version(4), 3), 10);

    assertThat(versions.readValuesToList()).hasSize(1);
    assertThat(changes.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipAPageWithoutArticleText() {
    send("<html><body><nav><a href=/>Home</a></nav></body></html>", 0);

    assertThat(versions.isEmpty()).isTrue();
  }

  @Test
  void shouldSkipARecordThatIsNotJson() {
    driver
        .createInputTopic(Topics.RAW_VERSIONS, Serdes.String().serializer(), Serdes.ByteArray().serializer())
        .pipeInput(URL, "not json".getBytes(StandardCharsets.UTF_8));
    send(SeedPage.html(SeedStory.version(4), 1), 0);

    assertThat(versions.readValuesToList()).hasSize(1);
  }

  @Test
  void shouldRebaselineSilentlyAfterAnExtractorUpgrade() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    KeyValueStore<String, ArticleState> store = driver.getKeyValueStore(DiffTopology.STORE);
    ArticleState made = store.get(URL);
    // As if version 1 had been extracted by older rules that kept one more paragraph.
    ArticleVersion old = made.latest();
    List<String> olderText = new java.util.ArrayList<>(old.paragraphs());
    olderText.add("Share this page");
    store.put(URL, new ArticleState(
        new ArticleVersion(old.articleId(), old.url(), 1, old.observedAt(), old.title(), old.byline(), olderText,
            "older-hash", old.standfirst(), "0", false, null),
        List.of("older-hash"), "0"));

    send(SeedPage.html(SeedStory.version(4), 2), 5);
    send(SeedPage.html(SeedStory.version(5), 3), 40);

    List<ArticleVersion> recorded = versions.readValuesToList();
    assertThat(recorded).extracting(ArticleVersion::version).containsExactly(1, 2, 3);
    assertThat(recorded.get(1).rebaseline()).isTrue();
    assertThat(recorded).extracting(ArticleVersion::extractorVersion).containsOnly(ExtractorVersion.CURRENT);
    List<ArticleChange> announced = changes.readValuesToList();
    assertThat(announced).hasSize(1);
    assertThat(announced.get(0).fromVersion()).isEqualTo(2);
    assertThat(announced.get(0).toVersion()).isEqualTo(3);
  }

  @Test
  void shouldAnnounceAFlipFlopOnceAndThenOnlyRecordIt() {
    for (int i = 0; i < 6; i++) {
      send(SeedPage.html(SeedStory.version(i % 2 == 0 ? 4 : 5), i + 1), 10 * i);
    }

    List<ArticleVersion> recorded = versions.readValuesToList();
    assertThat(recorded).extracting(ArticleVersion::version).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(recorded).extracting(ArticleVersion::revertOf).containsExactly(null, null, 1, 2, 3, 4);
    assertThat(changes.readValuesToList())
        .extracting(ArticleChange::toVersion, ArticleChange::revertOf)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, null), org.assertj.core.groups.Tuple.tuple(3, 1));
  }

  @Test
  void shouldSummariseLiveBlogPostsOncePerPeriodWithoutLosingAny() {
    List<String> posts = new java.util.ArrayList<>(SeedStory.version(4).paragraphs());
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    for (int i = 1; i <= 4; i++) {
      posts.add("Live update number " + i + ": the minister has answered questions from the committee.");
      send(SeedPage.html(new io.newsdelta.diffworker.version.ArticleText(
          SeedStory.version(4).title(), null, null, posts), 1 + i), i);
    }
    List<ArticleChange> beforeThePeriod = changes.readValuesToList();

    driver.advanceWallClockTime(java.time.Duration.ofMinutes(17));

    assertThat(versions.readValuesToList()).extracting(ArticleVersion::version).containsExactly(1, 2, 3, 4, 5);
    assertThat(beforeThePeriod).extracting(ArticleChange::fromVersion, ArticleChange::toVersion)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2));
    List<ArticleChange> released = changes.readValuesToList();
    assertThat(released).hasSize(1);
    assertThat(released.get(0).fromVersion()).isEqualTo(2);
    assertThat(released.get(0).toVersion()).isEqualTo(5);
    assertThat(released.get(0).appendOnly()).isTrue();
    assertThat(released.get(0).summary()).contains("3 paragraphs added in 3 updates");
    assertThat(String.join("\n", released.get(0).hunks().stream().map(Hunk::newText).toList()))
        .contains("number 2", "number 3", "number 4");
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(30));
    assertThat(changes.isEmpty()).isTrue();
  }

  /** The seed story with its body edited by {@code edit}, paragraph list in, paragraph list out. */
  private static String seedWith(java.util.function.UnaryOperator<List<String>> edit, int render) {
    io.newsdelta.diffworker.version.ArticleText v4 = SeedStory.version(4);
    List<String> paragraphs = edit.apply(new java.util.ArrayList<>(v4.paragraphs()));
    return SeedPage.html(new io.newsdelta.diffworker.version.ArticleText(v4.title(), null, null, paragraphs), render);
  }

  @Test
  void shouldMarkATypoFixMinorWithItsKind() {
    send(seedWith(p -> { p.set(0, p.get(0).replace("unveiled", "unvieled")); return p; }, 1), 0);
    send(SeedPage.html(SeedStory.version(4), 2), 10);

    ArticleChange change = changes.readValue();
    assertThat(change.minor()).isTrue();
    assertThat(change.minorKind()).isEqualTo("typo");
  }

  @Test
  void shouldFlagAnAddedCorrectionNoteAndNameItInTheSummary() {
    String note = "Correction: an earlier version of this article said the plan would cost £2bn.";
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    send(seedWith(p -> { p.add(note); return p; }, 2), 30);

    ArticleChange change = changes.readValue();
    assertThat(change.correction()).isTrue();
    assertThat(change.correctionNote()).isEqualTo(note);
    assertThat(change.summary()).contains("correction note added: \"Correction: an earlier version");
  }

  @Test
  void shouldAnnounceAMovedParagraphAsAMoveWithSentenceCounts() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    send(seedWith(p -> { p.add(p.remove(1)); return p; }, 2), 30);

    ArticleChange change = changes.readValue();
    assertThat(change.hunks()).isNotEmpty().allMatch(Hunk::moved);
    assertThat(change.stats().wordsAdded()).isZero();
    assertThat(change.stats().sentencesMoved()).isPositive();
    assertThat(change.stats().sentencesAdded() + change.stats().sentencesDeleted()).isZero();
    assertThat(change.summary()).contains("moved");
    assertThat(change.ledeChanged()).isFalse();
  }

  @Test
  void shouldAnnounceARemovalOnceEvenWhenTheEventComesAgain() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    send(SeedPage.html(SeedStory.version(5), 2), 40);
    changes.readValuesToList();
    versions.readValuesToList();

    RawVersion removed = lifecycle(RawVersion.LifecycleKind.REMOVED, 410, "410 Gone", null, 90, "");
    raw.pipeInput(URL, removed);
    raw.pipeInput(URL, removed);

    List<ArticleChange> announced = changes.readValuesToList();
    assertThat(announced).hasSize(1);
    ArticleChange change = announced.get(0);
    assertThat(change.kind()).isEqualTo(ArticleChange.Kind.REMOVED);
    assertThat(change.fromVersion()).isEqualTo(2);
    assertThat(change.toVersion()).isEqualTo(2);
    assertThat(change.hunks()).isEmpty();
    assertThat(change.summary()).isEqualTo("Article removed (410 Gone)");
    assertThat(change.title()).isEqualTo("Plan to monitor all internet use");
    assertThat(change.toObservedAt()).isEqualTo(T0.plusSeconds(90 * 60));
    assertThat(change.changeId()).startsWith(URL + "#2-2-removed-");
    assertThat(versions.isEmpty()).as("a removal is no version").isTrue();
  }

  @Test
  void shouldAnnounceAMoveWithItsTarget() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    String target = "https://news.example/politics";

    raw.pipeInput(URL, lifecycle(RawVersion.LifecycleKind.MOVED, 301, "301 Moved Permanently", target, 60, ""));

    ArticleChange change = changes.readValue();
    assertThat(change.kind()).isEqualTo(ArticleChange.Kind.MOVED);
    assertThat(change.movedTo()).isEqualTo(target);
    assertThat(change.summary()).isEqualTo("Article moved to " + target + " (301 Moved Permanently)");
    assertThat(change.fromVersion()).isEqualTo(1);
  }

  @Test
  void shouldRestoreOnceAndThenAnnounceTheNewTextAsAnEdit() {
    send(SeedPage.html(SeedStory.version(4), 1), 0);
    raw.pipeInput(URL, lifecycle(RawVersion.LifecycleKind.REMOVED, 404, "404 Not Found", null, 60, ""));
    String edited = SeedPage.html(SeedStory.version(5), 2);

    RawVersion back = lifecycle(RawVersion.LifecycleKind.RESTORED, 200, "200 OK", null, 120, edited);
    raw.pipeInput(URL, back);
    raw.pipeInput(URL, back);

    assertThat(changes.readValuesToList())
        .extracting(ArticleChange::kind, ArticleChange::fromVersion, ArticleChange::toVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ArticleChange.Kind.REMOVED, 1, 1),
            org.assertj.core.groups.Tuple.tuple(ArticleChange.Kind.RESTORED, 1, 1),
            org.assertj.core.groups.Tuple.tuple(ArticleChange.Kind.EDIT, 1, 2));
    assertThat(versions.readValuesToList()).extracting(ArticleVersion::version).containsExactly(1, 2);
  }

  @Test
  void shouldAnnounceNothingForTheRemovalOfAnArticleWithoutAVersion() {
    raw.pipeInput(URL, lifecycle(RawVersion.LifecycleKind.REMOVED, 410, "410 Gone", null, 60, ""));

    assertThat(changes.isEmpty()).isTrue();
    assertThat(versions.isEmpty()).isTrue();
  }

  @Test
  void shouldTakeTheTextIngestExtractedWithTheSameExtractorInsteadOfExtractingAgain() {
    String html = SeedPage.html(SeedStory.version(4), 1);
    raw.pipeInput(URL, page(html, 0).withText(carried(ArticleExtractor.generic().identity(), "Carried paragraph.")));

    // The body would extract to the seed story's paragraphs; the version has the carried text, so it was taken.
    ArticleVersion version = versions.readValue();
    assertThat(version.title()).isEqualTo("Carried headline");
    assertThat(version.paragraphs()).containsExactly("Carried paragraph.");
  }

  @Test
  void shouldExtractTheBodyAgainWhenTheTextCameFromAnotherExtractor() {
    String html = SeedPage.html(SeedStory.version(4), 1);
    raw.pipeInput(URL, page(html, 0).withText(carried(ExtractorVersion.CURRENT + "+rules:0123456789ab", "Other.")));
    raw.pipeInput(URL, page(html, 5).withText(carried("1", "Older.")));

    List<ArticleVersion> made = versions.readValuesToList();
    assertThat(made).hasSize(1);
    assertThat(made.get(0).paragraphs())
        .isEqualTo(ArticleExtractor.generic().extract(html, URL).paragraphs())
        .doesNotContain("Other.", "Older.");
  }

  @Test
  void shouldSayOnceThatItExtractsTextsOfAnotherExtractorAgainAndWhatToDo() {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Logger logger = (Logger) LogManager.getLogger(DiffProcessor.class);
    Appender appender = new AbstractAppender("foreign-texts", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        if (message.startsWith("Raw versions carry text")) {
          warnings.add(message);
        }
      }
    };
    appender.start();
    logger.addAppender(appender);
    try {
      String html = SeedPage.html(SeedStory.version(4), 1);
      raw.pipeInput(URL, page(html, 0).withText(carried("2+rules:warned0nce001", "Other.")));
      raw.pipeInput(URL, page(html, 5).withText(carried("2+rules:warned0nce001", "Other.")));
    } finally {
      logger.removeAppender(appender);
    }

    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("2+rules:warned0nce001", "this worker's is " + ExtractorVersion.CURRENT,
        "extract.sites");
  }

  @Test
  void shouldSkipAPageWhoseCarriedTextHasNoArticle() {
    raw.pipeInput(URL, page(SeedPage.html(SeedStory.version(4), 1), 0).withText(new RawVersion.Text(
        ArticleExtractor.generic().identity(), null, null, null, List.of(), "no block of text found")));

    assertThat(versions.isEmpty()).isTrue();
  }

  @Test
  void shouldExtractEveryBodyAgainInAReplayWhateverTheRecordsCarry() {
    driver.close();
    Properties props =
        DiffWorkerService.streamsProperties(new DiffWorkerConfig(1, stateDir, List.of()), "unused:9092");
    driver = new TopologyTestDriver(DiffTopology.build(ArticleExtractor.generic(),
        DiffTopology.Options.replay(io.newsdelta.diffworker.version.VersionPolicy.DEFAULT)), props, T0);
    raw = driver.createInputTopic(Topics.RAW_VERSIONS, Serdes.String().serializer(), JsonSerde.of(RawVersion.class));
    versions = driver.createOutputTopic(
        Topics.ARTICLE_VERSIONS, Serdes.String().deserializer(), JsonSerde.of(ArticleVersion.class));
    String html = SeedPage.html(SeedStory.version(4), 1);
    raw.pipeInput(URL, page(html, 0).withText(carried(ArticleExtractor.generic().identity(), "Carried paragraph.")));

    assertThat(versions.readValue().paragraphs()).isEqualTo(ArticleExtractor.generic().extract(html, URL).paragraphs());
  }

  private static RawVersion.Text carried(String extractor, String paragraph) {
    return new RawVersion.Text(extractor, "Carried headline", null, null, List.of(paragraph), null);
  }

  private static RawVersion page(String html, int minutes) {
    Instant at = T0.plusSeconds(60L * minutes);
    return new RawVersion(URL, URL, "https://news.example/rss.xml", at, 200, "text/html", Hashes.sha256(html), html);
  }

  private static RawVersion lifecycle(RawVersion.LifecycleKind kind, int status, String reason, String movedTo,
      int minutes, String body) {
    Instant at = T0.plusSeconds(60L * minutes);
    return new RawVersion(URL, URL, "https://news.example/rss.xml", at, status, body.isEmpty() ? null : "text/html",
        Hashes.sha256(body), body, new RawVersion.Lifecycle(kind, T0, 2, movedTo, reason));
  }

  private void send(String html, int minutes) {
    raw.pipeInput(URL, page(html, minutes));
  }
}
