package io.newsdelta.bench.worker;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.events.Json;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The diff worker through Kafka: an in-process KRaft broker, {@link RawVersions} (repeated {@code repeat}
 * times as distinct articles) produced to {@code newsdelta.raw-versions} first, then the real
 * {@link DiffWorkerService} (exactly once, its production Streams settings) started and timed from RUNNING
 * until its committed offsets reach the end of the topic. Prints raw versions per second.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.worker.WorkerLoadRun
 * /work/shared/corpus/trafilatura-eval 2 4 [streams.key=value ...]}: corpus, stream threads, repeat, and
 * optional Streams overrides (such as {@code commit.interval.ms=1000}) to compare settings.
 */
public final class WorkerLoadRun {
  private WorkerLoadRun() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dir = Files.createTempDirectory("newsdelta-worker-load");
    List<RawVersion> raws = RawVersions.of(corpus);
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      String servers = broker.bootstrapServers();
      TopicAdmin.ensure(servers, Topics.all(6));
      long bytes = produce(servers, raws, repeat);
      long total = (long) raws.size() * repeat;
      System.out.printf("Produced %d raw versions (%d MB of JSON) from %d pages of 100-300 KB%n",
          total, bytes >> 20, raws.size() / RawVersions.VERSIONS);
      DiffWorkerConfig config = new DiffWorkerConfig(threads, dir.resolve("state"), List.of());
      Properties overrides = new Properties();
      for (int i = 3; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        overrides.put(kv[0], kv[1]);
      }
      try (DiffWorkerService worker = new DiffWorkerService(config, servers, overrides);
          Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
        worker.start();
        while (worker.state() != KafkaStreams.State.RUNNING) {
          TimeUnit.MILLISECONDS.sleep(20);
        }
        long start = System.nanoTime();
        Map<TopicPartition, Long> end = ends(admin);
        while (committed(admin, config.applicationId(), end) < total) {
          TimeUnit.MILLISECONDS.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Worker: %d raw versions in %.1f s = %.0f raw versions/s (%d stream threads, overrides %s)%n",
            total, seconds, total / seconds, threads, overrides);
      }
    }
  }

  private static long produce(String servers, List<RawVersion> raws, int repeat) throws Exception {
    long bytes = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES,
        ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
      for (int r = 0; r < repeat; r++) {
        for (RawVersion raw : raws) {
          String id = raw.articleId() + (raw.articleId().contains("?") ? "&" : "?") + "copy=" + r;
          byte[] value = Json.writeBytes(new RawVersion(id, raw.url(), raw.feedUrl(), raw.fetchedAt(),
              raw.httpStatus(), raw.contentType(), raw.bodySha256(), raw.body()));
          bytes += value.length;
          producer.send(new ProducerRecord<>(Topics.RAW_VERSIONS, id, value));
        }
      }
      producer.flush();
    }
    return bytes;
  }

  private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < 6; p++) {
      latest.put(new TopicPartition(Topics.RAW_VERSIONS, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  private static long committed(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    long done = 0;
    for (var e : end.entrySet()) {
      OffsetAndMetadata o = offsets.get(e.getKey());
      done += o == null ? 0 : Math.min(o.offset(), e.getValue());
    }
    return done;
  }
}
