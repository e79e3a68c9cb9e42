package io.newsdelta.ingest;

import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.ingest.state.ArticleState;
import io.newsdelta.kafka.TopicAdmin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/** Feeds, pages, configs and topic reads shared by the ingest ITs. */
final class Fixtures {
  static final String USER_AGENT = "newsdelta-test/1.0 (+https://newsdelta.example/bot)";
  // Generous: awaits end as soon as the outcome is there, and a loaded 2-core machine is slow to start a broker client.
  static final Duration WAIT = Duration.ofSeconds(60);

  private Fixtures() {}

  /** Creates every topic, with two partitions so keys spread. */
  static void createTopics(String bootstrap) {
    TopicAdmin.ensure(bootstrap, Topics.all(2));
  }

  /**
   * A config for tests: fast polls, short re-check gaps, small pages. The fetch timeout is generous, not short:
   * no test here waits for it (the stall tests set their own), and on a loaded 2-core machine a loopback answer
   * can take longer than 2 s, which made a healthy feed "unreachable".
   */
  static IngestConfig config(List<URI> feeds, Duration poll, Duration... recheck) {
    List<FeedConfig> feedConfigs = feeds.stream().map(u -> new FeedConfig(u, "test feed " + u.getPath())).toList();
    return IngestConfig.builder().feeds(feedConfigs).feedPollInterval(poll).articleRecheck(Arrays.asList(recheck))
        .fetchTimeout(Duration.ofSeconds(10)).maxPageBytes(64 * 1024).userAgent(USER_AGENT).fetchConcurrency(4).build();
  }

  /** The same with another User-Agent, so a test can tell instances apart by their requests. */
  static IngestConfig config(String userAgent, List<URI> feeds, Duration poll, Duration... recheck) {
    IngestConfig c = config(feeds, poll, recheck);
    return c.toBuilder().userAgent(userAgent).build();
  }

  /** Writes a registration to the feed registry, as a tool other than ingest would. */
  static void register(String bootstrap, URI feed, String name) {
    send(bootstrap, feed.toString(), Json.writeBytes(new FeedRegistration(feed.toString(), name)));
  }

  /** Writes a tombstone for the feed to the feed registry. */
  static void unregister(String bootstrap, URI feed) {
    send(bootstrap, feed.toString(), null);
  }

  /**
   * Tombstones every feed still registered, so the next test's instances (one shared broker, one consumer
   * group) poll only their own feeds.
   */
  static void forgetAllFeeds(String bootstrap) {
    Map<String, String> live = new HashMap<>();
    for (ConsumerRecord<String, String> r : readAll(bootstrap, Topics.FEEDS)) {
      live.put(r.key(), r.value());
    }
    live.values().removeIf(Objects::isNull);
    live.keySet().forEach(key -> send(bootstrap, key, null));
  }

  /** The partition Kafka's default partitioner gives a String key. */
  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static void send(String bootstrap, String key, byte[] value) {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.FEEDS, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not write to " + Topics.FEEDS, e.getCause());
    }
  }

  /** An RSS 2.0 feed listing the given article URLs. */
  static String rss(URI... articles) {
    String items =
        Arrays.stream(articles)
            .map(a -> "<item><title>Article " + a.getPath() + "</title><link>" + a + "</link></item>")
            .collect(Collectors.joining("\n"));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test</title>"
        + "<link>http://127.0.0.1/</link><description>test</description>\n" + items + "\n</channel></rss>";
  }

  /** A small article page. */
  static String page(String headline, String paragraph) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + headline + "</title></head><body>"
        + "<article><h1>" + headline + "</h1><p>" + paragraph + "</p></article></body></html>";
  }

  /** Every record now in {@code topic}, read straight from the partitions (no consumer group). */
  static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
      return records;
    }
  }

  /** The raw versions published for one article, in order. */
  static List<RawVersion> rawVersions(String bootstrap, String articleId) {
    return readAll(bootstrap, Topics.RAW_VERSIONS).stream()
        .filter(r -> articleId.equals(r.key()))
        .map(r -> Json.read(r.value(), RawVersion.class))
        .toList();
  }

  /** The latest saved state of one article. */
  static Optional<ArticleState> state(String bootstrap, String articleId) {
    List<ConsumerRecord<String, String>> records =
        readAll(bootstrap, Topics.INGEST_STATE).stream().filter(r -> articleId.equals(r.key())).toList();
    return records.isEmpty()
        ? Optional.empty()
        : Optional.of(Json.read(records.get(records.size() - 1).value(), ArticleState.class));
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
