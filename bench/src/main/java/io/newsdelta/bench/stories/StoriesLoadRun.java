package io.newsdelta.bench.stories;

import io.newsdelta.config.StoriesConfig;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.JsonSerde;
import io.newsdelta.events.StoryEvent;
import io.newsdelta.events.Topics;
import io.newsdelta.stories.StoriesService;
import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.stream.StoriesTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A load run of the stories job: the real topology (RocksDB stores, JSON through both repartition topics, the
 * global membership store) in {@link TopologyTestDriver}, on one thread, fed the corpus pages as article versions
 * in three rounds: every page as a new article of its own outlet (no story forms), every page again from a second
 * outlet (each forms a story of two), and a new version of every first-round article (each a change of its story).
 * Prints articles per second for each round. It measures the job's own work per core; a broker adds network and
 * commit costs on top.
 *
 * <p>Usage: {@code java -cp ... io.newsdelta.bench.stories.StoriesLoadRun [CORPUS_DIR]}
 */
public final class StoriesLoadRun {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private StoriesLoadRun() {}

  public static void main(String[] args) throws IOException {
    Path corpusDir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    LabelledTexts texts = new LabelledTexts(Path.of("."), corpusDir);
    List<List<String>> pages = texts.pages(2);
    Path state = Files.createTempDirectory("stories-load");
    Properties props = StoriesService.streamsProperties(
        new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, state), "unused:9092");
    try (TopologyTestDriver driver =
             new TopologyTestDriver(StoriesTopology.build(MatchPolicy.withThreshold(StoriesConfig.DEFAULT_THRESHOLD)),
                 props)) {
      TestInputTopic<String, ArticleVersion> in = driver.createInputTopic(
          Topics.ARTICLE_VERSIONS, Serdes.String().serializer(), JsonSerde.of(ArticleVersion.class));
      TestOutputTopic<String, StoryEvent> out =
          driver.createOutputTopic(Topics.STORIES, Serdes.String().deserializer(), JsonSerde.of(StoryEvent.class));
      round("new articles, one outlet each", pages, in, out, "https://first-%d.example/a", 1, 0);
      round("the same stories from a second outlet", pages, in, out, "https://second-%d.example/a", 1, 1);
      round("a new version of every first article", pages, in, out, "https://first-%d.example/a", 2, 2);
    }
  }

  private static void round(String name, List<List<String>> pages, TestInputTopic<String, ArticleVersion> in,
      TestOutputTopic<String, StoryEvent> out, String urlPattern, int version, int day) {
    long start = System.nanoTime();
    for (int i = 0; i < pages.size(); i++) {
      List<String> t = pages.get(i);
      String url = String.format(Locale.ROOT, urlPattern, i);
      Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(i);
      in.pipeInput(url, new ArticleVersion(url, url, version, at, t.get(0), t.get(1),
          t.subList(2, t.size()), "sha" + version, null), at);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<StoryEvent> events = out.readValuesToList();
    System.out.printf(Locale.ROOT, "%-40s %5d articles in %6.2f s: %7.0f articles/s, %d story events%n", name,
        pages.size(), seconds, pages.size() / seconds, events.size());
  }
}
