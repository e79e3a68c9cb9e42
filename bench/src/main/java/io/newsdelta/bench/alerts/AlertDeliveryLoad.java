package io.newsdelta.bench.alerts;

import io.javalin.Javalin;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.notifier.NotifierService;
import io.newsdelta.testsupport.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivers {@code N} changes (default 2,000) to 10 loopback webhook endpoints, one of them dead (connection
 * refused), through a real notifier on a real broker, and prints deliveries per second to the live endpoints and
 * the time from each change being written (acknowledged by the broker) to its arrival at each live endpoint
 * (p50, p99, max). Usage: {@code AlertDeliveryLoad [N] [ratePerSecond] [warmUpChanges]}: the warm-up
 * changes go first, unmeasured, so that the JIT has compiled the delivery path.
 */
public final class AlertDeliveryLoad {
  private AlertDeliveryLoad() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    AtomicInteger warmArrivals = new AtomicInteger();
    int live = 9;
    Map<String, Long> written = new ConcurrentHashMap<>();
    List<long[]> latencies = new ArrayList<>();
    AtomicInteger arrivals = new AtomicInteger();
    List<Javalin> servers = new ArrayList<>();
    List<URI> hooks = new ArrayList<>();
    long[][] perEndpoint = new long[live][n];
    for (int e = 0; e < live; e++) {
      int endpoint = e;
      AtomicInteger got = new AtomicInteger();
      // Jetty (through Javalin), not the JDK's com.sun.net.httpserver: that one re-registers a kept-alive
      // connection with its selector late, which capped each endpoint at about 10 POSTs/s and measured the
      // receiver, not the notifier.
      Javalin server = Javalin.create(c -> c.showJavalinBanner = false).post("/hook", ctx -> {
        long now = System.nanoTime();
        ctx.bodyAsBytes();
        String id = ctx.header("Idempotency-Key");
        if (id == null || !id.startsWith(MEASURED)) {
          warmArrivals.incrementAndGet();
          ctx.status(204);
          return;
        }
        Long at = written.get(id);
        int i = got.getAndIncrement();
        if (at != null && i < n) {
          perEndpoint[endpoint][i] = now - at;
        }
        arrivals.incrementAndGet();
        ctx.status(204);
      }).start("127.0.0.1", 0);
      servers.add(server);
      hooks.add(URI.create("http://127.0.0.1:" + server.port() + "/hook"));
    }
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    hooks.add(URI.create("http://127.0.0.1:" + deadPort + "/hook"));

    try (TestBroker broker = TestBroker.start()) {
      TopicAdmin.ensure(broker.bootstrapServers(), Topics.all(6));
      NotifierConfig config = new NotifierConfig("127.0.0.1", 0, hooks, 5, Duration.ofSeconds(1));
      // A fresh history store per run: the default one (./data) would grow with every run and skew the CPU figure.
      HistoryConfig history = new HistoryConfig(
          "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("alert-load").resolve("history.db"));
      try (NotifierService notifier = new NotifierService(config, history, broker.bootstrapServers(),
          List.of(), AddressPolicy.WITH_LOOPBACK);
          // Uncompressed, as before the clients were built by KafkaClients: the figures stay comparable.
          KafkaProducer<String, byte[]> producer = new KafkaClients(broker.bootstrapServers(), "bench").producer(
              "alert-load", Map.of(ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
              new StringSerializer(), new ByteArraySerializer())) {
        notifier.start();
        Thread.sleep(5000); // lanes join their groups
        if (warm > 0) {
          // Not measured: lets the JIT compile the delivery path first, so the figures are the steady state.
          long warmStart = System.nanoTime();
          for (int i = 0; i < warm; i++) {
            String article = "https://load.example/w" + (i % 200);
            int v = i / 200 + 1;
            producer.send(new ProducerRecord<>(Topics.ARTICLE_CHANGES, article, Json.writeBytes(change(article, v, i))));
            park(warmStart, i, 1_000_000_000L / rate);
          }
          long warmDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
          while (warmArrivals.get() < live * warm && System.nanoTime() < warmDeadline) {
            Thread.sleep(20);
          }
          System.out.printf("warm-up: %d changes, %d deliveries%n", warm, warmArrivals.get());
        }
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        double loadStart = os.getSystemLoadAverage();
        long start = System.nanoTime();
        long gap = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
          String article = "https://load.example/a" + (i % 200);
          int v = i / 200 + 1;
          ArticleChange c = change(article, v, i);
          ProducerRecord<String, byte[]> rec = new ProducerRecord<>(Topics.ARTICLE_CHANGES, article, Json.writeBytes(c));
          CloudEvents.addHeaders(rec.headers(), c.changeId(), CloudEvents.TYPE_ARTICLE_CHANGE, "/bench");
          producer.send(rec, (md, ex) -> written.putIfAbsent(c.changeId(), System.nanoTime()));
          park(start, i, gap);
        }
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (arrivals.get() < live * n && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long[] all = Arrays.stream(perEndpoint).flatMapToLong(Arrays::stream).filter(x -> x > 0).sorted().toArray();
        System.out.printf("changes %d at %d/s, endpoints %d live + 1 dead%n", n, rate, live);
        System.out.printf("deliveries to live endpoints: %d in %.1f s = %.0f/s%n", arrivals.get(), seconds, arrivals.get() / seconds);
        System.out.printf("written -> arrival: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n",
            pct(all, 0.50), pct(all, 0.95), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, all.length);
        // CPU of this whole process (broker, notifier, receivers) per delivery: a figure that, unlike the latencies,
        // does not depend on how many other processes share the cores.
        System.out.printf("process CPU %.1f s over %.1f s = %.2f ms per delivery (all of broker, notifier, receivers);"
            + " load average %.1f -> %.1f%n", cpuSeconds, seconds, 1000 * cpuSeconds / Math.max(1, arrivals.get()),
            loadStart, os.getSystemLoadAverage());
        for (int e = 0; e < live; e++) {
          long[] one = Arrays.stream(perEndpoint[e]).filter(x -> x > 0).sorted().toArray();
          System.out.printf("  endpoint %d: p99 %.1f ms%n", e, pct(one, 0.99));
        }
        latencies.clear();
      }
    } finally {
      servers.forEach(Javalin::stop);
    }
    System.exit(0);
  }

  private static final String MEASURED = "https://load.example/a";

  private static ArticleChange change(String article, int v, int i) {
    Instant t = Instant.now();
    return new ArticleChange(ArticleChange.idOf(article, v, v + 1), article, article, "Headline " + i,
        v, v + 1, t, t, false, false, null, List.of(new Hunk(Hunk.Op.REPLACE, "old", "new")), new ChangeStats(1, 1),
        "1 word replaced", "Headline " + i);
  }

  /** Parked, not spinning: on 2 shared cores a spinning producer takes a core from the notifier. */
  private static void park(long start, int i, long gap) {
    for (long left = start + (i + 1) * gap - System.nanoTime(); left > 0; left = start + (i + 1) * gap - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
