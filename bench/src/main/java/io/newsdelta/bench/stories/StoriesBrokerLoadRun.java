package io.newsdelta.bench.stories;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.StoriesConfig;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.stories.StoriesService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * A load run of {@link StoriesService} on a real (in-process) broker with 2 partitions: the corpus pages as new
 * articles, then the same texts from a second outlet, are written to {@code newsdelta.article-versions} before the
 * job starts, and the job's catch-up is timed from RUNNING to its last story event; then a new version of every
 * first article is written and timed until the job has announced the changes. Prints articles per second.
 *
 * <p>Usage: {@code java -cp ... io.newsdelta.bench.stories.StoriesBrokerLoadRun [CORPUS_DIR]}
 */
public final class StoriesBrokerLoadRun {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration QUIET = Duration.ofSeconds(60);

  private StoriesBrokerLoadRun() {}

  public static void main(String[] args) throws Exception {
    Path corpusDir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    LabelledTexts texts = new LabelledTexts(Path.of("."), corpusDir);
    List<List<String>> pages = texts.pages(2);
    Path dir = Files.createTempDirectory("stories-broker-load");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      String bootstrap = kafka.bootstrapServers();
      TopicAdmin.ensure(bootstrap, Topics.all(2));
      // Uncompressed, as before the clients were built by KafkaClients: the figures stay comparable.
      try (KafkaProducer<String, String> producer = new KafkaClients(bootstrap, "bench").producer("stories-load",
               Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
               new StringSerializer(), new StringSerializer());
           KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
        consumer.subscribe(List.of(Topics.STORIES));
        produce(producer, pages, "https://first-%d.example/a", 1, 0);
        produce(producer, pages, "https://second-%d.example/a", 1, 1);
        try (StoriesService service =
                 new StoriesService(new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, dir.resolve("state")),
                     bootstrap)) {
          service.start();
          while (service.state() != KafkaStreams.State.RUNNING) {
            consumer.poll(Duration.ofMillis(200));
          }
          long start = System.nanoTime();
          long[] r = drain(consumer);
          report("new articles, then a second outlet's", 2 * pages.size(), start, r);
          start = System.nanoTime();
          produce(producer, pages, "https://first-%d.example/a", 2, 2);
          r = drain(consumer);
          report("a new version of every first article", pages.size(), start, r);
        }
      }
    }
  }

  private static void report(String name, int articles, long start, long[] r) {
    double seconds = (r[1] - start) / 1e9;
    System.out.printf(Locale.ROOT, "%-40s %5d articles in %6.2f s: %6.0f articles/s, %d story events%n", name,
        articles, seconds, articles / seconds, r[0]);
  }

  /**
   * Reads story events until none came for {@link #QUIET} after the first (waiting at most 15 minutes for it);
   * returns their count and the last one's arrival.
   */
  private static long[] drain(KafkaConsumer<String, String> consumer) {
    long count = 0;
    long last = System.nanoTime();
    long firstDeadline = last + Duration.ofMinutes(15).toNanos();
    while (count == 0 ? System.nanoTime() < firstDeadline : System.nanoTime() - last < QUIET.toNanos()) {
      int n = consumer.poll(Duration.ofMillis(500)).count();
      if (n > 0) {
        count += n;
        last = System.nanoTime();
      }
    }
    return new long[] {count, last};
  }

  private static void produce(KafkaProducer<String, String> producer, List<List<String>> pages, String pattern,
      int version, int day) {
    for (int i = 0; i < pages.size(); i++) {
      List<String> t = pages.get(i);
      String url = String.format(Locale.ROOT, pattern, i);
      Instant at = T0.plus(Duration.ofDays(day)).plusSeconds(i);
      ArticleVersion v = new ArticleVersion(url, url, version, at, t.get(0), t.get(1), t.subList(2, t.size()),
          "sha" + version, null);
      producer.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, url, Json.write(v)));
    }
    producer.flush();
  }

  private static KafkaConsumer<String, String> consumer(String bootstrap) {
    return new KafkaClients(bootstrap, "bench").consumer("stories-load",
        Map.of(ConsumerConfig.GROUP_ID_CONFIG, "stories-load-" + UUID.randomUUID(),
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
        new StringDeserializer(), new StringDeserializer());
  }
}
