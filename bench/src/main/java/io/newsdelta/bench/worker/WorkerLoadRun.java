package io.newsdelta.bench.worker;

import io.newsdelta.broker.EmbeddedKafka;
import io.newsdelta.config.DiffWorkerConfig;
import io.newsdelta.diffworker.DiffWorkerService;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.kafka.GroupLag;
import io.newsdelta.kafka.KafkaClients;
import io.newsdelta.kafka.TopicAdmin;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The diff worker through Kafka: an in-process KRaft broker, {@link RawVersions} (repeated {@code repeat}
 * times as distinct articles) produced to {@code newsdelta.raw-versions} first, then the real
 * {@link DiffWorkerService} (exactly once, its production Streams settings) started and timed from RUNNING
 * until its committed offsets reach the end of the topic. Prints raw versions per second, the load average and
 * the heap. Stops with an error, instead of waiting, when a raw version was not written ({@link Preload}), the
 * worker stopped, or no offset was committed for two minutes.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.worker.WorkerLoadRun
 * /work/shared/corpus/trafilatura-eval 2 4 [streams.key=value ...]}: corpus, stream threads, repeat, and
 * optional Streams overrides (such as {@code commit.interval.ms=1000}) to compare settings. With {@code
 * -Dcarried=true} every raw version carries the text ingest would have extracted, so the worker takes it instead of
 * extracting the page (the live pipeline's case); without it the worker extracts every page (a replay's, or raw
 * versions from an ingest with other site rules).
 */
public final class WorkerLoadRun {
  private WorkerLoadRun() {}

  /** Longest a run may take before it is called stalled (the worker made no progress for this long). */
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/trafilatura-eval");
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dir = Files.createTempDirectory("newsdelta-worker-load");
    // -Dcarried=true: the raw versions carry their text, as ingest sends them, so the worker does not extract.
    boolean carried = Boolean.getBoolean("carried");
    List<RawVersion> raws = carried ? RawVersions.withCarriedText(RawVersions.of(corpus)) : RawVersions.of(corpus);
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), 0, 0)) {
      String servers = broker.bootstrapServers();
      TopicAdmin.ensure(servers, Topics.all(6));
      long bytes = Preload.produce(servers, raws, repeat);
      long total = (long) raws.size() * repeat;
      System.out.printf("Produced %d raw versions (%d MB of JSON) from %d pages of 100-300 KB, %s%n",
          total, bytes >> 20, raws.size() / RawVersions.VERSIONS,
          carried ? "each carrying its extracted text (-Dcarried=true)" : "without their text (extracted by the worker)");
      DiffWorkerConfig config = new DiffWorkerConfig(threads, dir.resolve("state"), List.of());
      Properties overrides = new Properties();
      for (int i = 3; i < args.length; i++) {
        String[] kv = args[i].split("=", 2);
        overrides.put(kv[0], kv[1]);
      }
      try (DiffWorkerService worker = new DiffWorkerService(config, servers, overrides);
          Admin admin = new KafkaClients(servers, "bench").admin("worker-meter", Map.of())) {
        Map<TopicPartition, Long> end = ends(admin);
        Map<TopicPartition, GroupLag.Range> ranges = GroupLag.fromZero(end);
        long target = end.values().stream().mapToLong(Long::longValue).sum();
        if (target != total) {
          throw new IllegalStateException("the topic holds " + target + " raw versions, " + total + " were sent");
        }
        worker.start();
        while (worker.state() != KafkaStreams.State.RUNNING) {
          alive(worker);
          TimeUnit.MILLISECONDS.sleep(20);
        }
        // The first copy warms the JIT: broker, clients and Streams share this JVM, and on 2 cores their
        // compilation keeps the extractor's hot methods interpreted for tens of seconds. A worker runs for days,
        // so the steady state is timed from the moment one copy's worth is committed (-Dwarmup=N copies: more).
        int warmupCopies = Integer.getInteger("warmup", 1);
        long warmup = repeat > warmupCopies ? (long) raws.size() * warmupCopies : 0;
        double loadBefore = os.getSystemLoadAverage();
        long start = System.nanoTime();
        long warm = warmup == 0 ? start : -1;
        double loadWarm = warmup == 0 ? loadBefore : Double.NaN;
        CpuShare cpuWarm = warmup == 0 ? CpuShare.now() : null;
        long lastProgress = start;
        long done = 0;
        long peakHeap = 0;
        long copyStart = start;
        long copiesDone = 0;
        while (done < target) {
          alive(worker);
          TimeUnit.MILLISECONDS.sleep(100);
          peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
          long now = GroupLag.read(admin, config.applicationId(), ranges, Duration.ofSeconds(30)).done();
          if (now > done) {
            done = now;
            lastProgress = System.nanoTime();
            // Each copy's own rate shows when the JIT has settled.
            if (done / raws.size() > copiesDone) {
              copiesDone = done / raws.size();
              System.out.printf("copy %d committed: %.0f raw versions/s over the last copy; load average %.1f%n",
                  copiesDone, raws.size() / ((lastProgress - copyStart) / 1e9), os.getSystemLoadAverage());
              copyStart = lastProgress;
            }
            if (warm < 0 && done >= warmup) {
              warm = lastProgress;
              warmup = done;
              loadWarm = os.getSystemLoadAverage();
              cpuWarm = CpuShare.now();
            }
          } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
            throw new IllegalStateException("stalled: " + done + " of " + target + " raw versions committed, none for "
                + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s");
          }
        }
        long finish = System.nanoTime();
        double seconds = (finish - start) / 1e9;
        System.out.printf("Worker: %d raw versions in %.1f s = %.0f raw versions/s from start (%d stream threads, overrides %s)%n",
            total, seconds, total / seconds, threads, overrides);
        if (target > warmup) {
          double steady = (finish - warm) / 1e9;
          System.out.printf("Worker after warm-up: %d raw versions in %.1f s = %.0f raw versions/s%n",
              target - warmup, steady, (target - warmup) / steady);
          System.out.println("After warm-up, " + CpuShare.now().since(cpuWarm, target - warmup, steady));
        }
        System.out.printf("Load average %.1f at start, %.1f after warm-up, %.1f at end; heap used at most %d MB of %d MB%n",
            loadBefore, loadWarm, os.getSystemLoadAverage(), peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
      }
    }
  }

  /** Stops the run when the worker stopped (a fatal error is logged by the worker itself). */
  private static void alive(DiffWorkerService worker) {
    KafkaStreams.State state = worker.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
      throw new IllegalStateException("the worker stopped (" + state + "); see its log above");
    }
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
}
