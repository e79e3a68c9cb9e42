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
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Bytes the stories job writes to its band changelog ({@code newsdelta-stories-story-bands-changelog}), and to
 * the changelog of the band keys it remembers by article ({@code newsdelta-stories-story-band-keys-changelog},
 * where that store exists), per article version, on a real (in-process) broker with 2 partitions: every corpus
 * page as a new article of its own outlet, then an edited second version of each an hour later (its last
 * paragraph dropped). Prints, for each round and changelog, the records and bytes (keys and values) written, and the bytes per version.
 *
 * <p>Usage: {@code java -cp ... io.newsdelta.bench.stories.StoriesBandBytesRun [CORPUS_DIR]}
 */
public final class StoriesBandBytesRun {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final List<String> CHANGELOGS = List.of(StoriesService.APPLICATION_ID + "-story-bands-changelog",
      StoriesService.APPLICATION_ID + "-story-band-keys-changelog");
  private static final Duration SETTLED = Duration.ofSeconds(20);

  private StoriesBandBytesRun() {}

  public static void main(String[] args) throws Exception {
    Path corpusDir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    LabelledTexts texts = new LabelledTexts(Path.of("."), corpusDir);
    List<List<String>> pages = texts.pages(3);
    Path dir = Files.createTempDirectory("stories-band-bytes");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      String bootstrap = kafka.bootstrapServers();
      TopicAdmin.ensure(bootstrap, Topics.all(2));
      KafkaClients clients = new KafkaClients(bootstrap, "bench");
      try (KafkaProducer<String, String> producer = clients.producer("stories-band-bytes",
               Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
               new StringSerializer(), new StringSerializer());
           KafkaConsumer<byte[], byte[]> changelog = clients.consumer("stories-band-bytes",
               Map.of(ConsumerConfig.GROUP_ID_CONFIG, "stories-band-bytes-" + UUID.randomUUID(),
                   ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
               new ByteArrayDeserializer(), new ByteArrayDeserializer());
           StoriesService service = new StoriesService(
               new StoriesConfig(true, StoriesConfig.DEFAULT_THRESHOLD, dir.resolve("state")), bootstrap)) {
        service.start();
        while (service.state() != KafkaStreams.State.RUNNING) {
          Thread.sleep(200);
        }
        changelog.subscribe(CHANGELOGS);
        produce(producer, pages, 1, false);
        report("first versions", pages.size(), settle(changelog));
        produce(producer, pages, 2, true);
        report("edited second versions", pages.size(), settle(changelog));
      }
    }
  }

  private static void report(String round, int versions, Map<String, long[]> written) {
    for (Map.Entry<String, long[]> e : written.entrySet()) {
      long[] w = e.getValue();
      System.out.printf(Locale.ROOT, "%-24s %5d versions: %-45s %7d records, %11d bytes, %9.0f bytes/version%n",
          round, versions, e.getKey(), w[0], w[1], (double) w[1] / versions);
    }
  }

  /** Reads the changelogs until nothing came for {@link #SETTLED}; returns the records and bytes read of each. */
  private static Map<String, long[]> settle(KafkaConsumer<byte[], byte[]> changelog) {
    Map<String, long[]> written = new TreeMap<>();
    long last = System.nanoTime();
    while (System.nanoTime() - last < SETTLED.toNanos()) {
      for (ConsumerRecord<byte[], byte[]> r : changelog.poll(Duration.ofMillis(500))) {
        long[] w = written.computeIfAbsent(r.topic(), t -> new long[2]);
        w[0]++;
        w[1] += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        last = System.nanoTime();
      }
    }
    return written;
  }

  private static void produce(KafkaProducer<String, String> producer, List<List<String>> pages, int version,
      boolean edited) {
    for (int i = 0; i < pages.size(); i++) {
      List<String> t = pages.get(i);
      String url = String.format(Locale.ROOT, "https://outlet-%d.example/a", i);
      Instant at = T0.plus(Duration.ofHours(version - 1)).plusSeconds(i);
      List<String> paragraphs = t.subList(2, edited ? t.size() - 1 : t.size());
      ArticleVersion v = new ArticleVersion(url, url, version, at, t.get(0), t.get(1), paragraphs, "sha" + version,
          null);
      producer.send(new ProducerRecord<>(Topics.ARTICLE_VERSIONS, url, Json.write(v)));
    }
    producer.flush();
  }
}
