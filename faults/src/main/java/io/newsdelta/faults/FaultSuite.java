package io.newsdelta.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the fault suite and prints its ledger as JSON. The broker and the three services run as separate
 * processes; while the editor makes its edits, each service is killed with SIGKILL at a random moment and
 * started again, the broker is stopped and restarted, and the webhook endpoint is down for a while.
 *
 * <pre>
 * java -cp "$(cat faults/target/classpath.txt):faults/target/classes" io.newsdelta.faults.FaultSuite \
 *     --articles 40 --edits 400 --seed 7 --report target/fault-ledger.json
 * </pre>
 *
 * Exit status 0 when the ledger matches, 1 when it does not.
 */
public final class FaultSuite {
  /**
   * One run's settings.
   *
   * @param articles articles on the site
   * @param edits real edits to make in all
   * @param seed for the editor and the moments of the faults
   * @param dir work directory (configs, logs, broker and worker data)
   * @param timeout the whole run's limit
   * @param faults whether to inject faults at all (off: a baseline run)
   */
  public record Settings(int articles, int edits, long seed, Path dir, Duration timeout, boolean faults) {}

  private final Settings settings;
  private final List<String> faultLog = Collections.synchronizedList(new ArrayList<>());
  private final Random random;

  private FaultSuite(Settings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    // Absolute: the services run in their own working directory and read their config files from this one.
    Path dir = Path.of(options.getOrDefault("dir", "target/fault-suite")).toAbsolutePath();
    Settings settings = new Settings(
        Integer.parseInt(options.getOrDefault("articles", "40")),
        Integer.parseInt(options.getOrDefault("edits", "400")),
        Long.parseLong(options.getOrDefault("seed", "7")),
        dir,
        Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "30"))),
        !options.getOrDefault("faults", "on").equals("off"));
    Ledger ledger = run(settings);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ledger);
    System.out.println(json);
    if (options.containsKey("report")) {
      Files.writeString(Path.of(options.get("report")), json);
    }
    System.exit(ledger.matches() ? 0 : 1);
  }

  /** Runs the suite and returns its ledger. */
  public static Ledger run(Settings settings) {
    return new FaultSuite(settings).run();
  }

  private Ledger run() {
    try {
      Files.createDirectories(settings.dir());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int brokerPort = freePort();
    String bootstrap = "127.0.0.1:" + brokerPort;
    try (EditedSite site = EditedSite.start(settings.articles(), settings.seed());
        Receiver receiver = Receiver.start();
        ServiceProcesses processes = new ServiceProcesses(settings.dir())) {
      Path brokerConfig = write("broker.yml", """
          kafka:
            partitions: 3
            embedded:
              port: %d
              controller-port: %d
              data-dir: %s
          """.formatted(brokerPort, freePort(), settings.dir().resolve("kafka").toAbsolutePath()));
      Path serviceConfig = write("services.yml", servicesConfig(site, receiver, bootstrap));
      processes.start("broker", "broker", "--config", brokerConfig.toString());
      processes.start("notifier", "notifier", "--config", serviceConfig.toString());
      processes.start("diff-worker", "diff-worker", "--config", serviceConfig.toString());
      processes.start("ingest", "ingest", "--config", serviceConfig.toString());
      try (TopicWatch topics = new TopicWatch(bootstrap)) {
        edit(site, topics, receiver, processes);
        settle(site, topics, receiver);
        topics.check();
        return Ledger.of(site, topics, receiver, processes.stackTraceLines(), faultLog);
      }
    }
  }

  /** Makes the edits; an article is edited again only once its current text is a version on the topic. */
  private void edit(EditedSite site, TopicWatch topics, Receiver receiver, ServiceProcesses processes) {
    List<Runnable> faults = settings.faults() ? faults(receiver, processes) : List.of();
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    int made = 0;
    int nextFault = 0;
    while (made < settings.edits() && System.nanoTime() < deadline) {
      topics.check();
      List<Integer> ready = new ArrayList<>();
      for (int i = 0; i < site.size(); i++) {
        if (topics.versionsOf(site.articleUrl(i)).contains(site.article(i).edits() + 1)) {
          ready.add(i);
        }
      }
      Collections.shuffle(ready, random);
      for (int i : ready.subList(0, Math.min(ready.size(), Math.max(1, site.size() / 2)))) {
        if (made < settings.edits()) {
          site.edit(i);
          made++;
        }
      }
      // Faults fall at evenly spread points of the run, each at a random moment within its stretch.
      if (nextFault < faults.size()
          && made >= (nextFault + 1) * settings.edits() / (faults.size() + 1) + random.nextInt(3)) {
        faults.get(nextFault++).run();
      }
      pause(300);
    }
    while (nextFault < faults.size()) {
      faults.get(nextFault++).run();
    }
  }

  private List<Runnable> faults(Receiver receiver, ServiceProcesses processes) {
    List<Runnable> faults = new ArrayList<>(List.of(
        () -> killAndRestart(processes, "ingest"),
        () -> killAndRestart(processes, "diff-worker"),
        () -> {
          note("webhook endpoint down for 15 s");
          receiver.down(true);
          pause(15_000);
          receiver.down(false);
        },
        () -> killAndRestart(processes, "notifier"),
        () -> {
          note("broker stopped, restarted after 5 s");
          processes.stop("broker");
          pause(5_000);
          processes.restart("broker");
        }));
    Collections.shuffle(faults, random);
    faults.add(() -> killAndRestart(processes, List.of("ingest", "diff-worker", "notifier").get(random.nextInt(3))));
    return faults;
  }

  private void killAndRestart(ServiceProcesses processes, String name) {
    long downMs = 500 + random.nextInt(2_500);
    note(name + " killed (SIGKILL), restarted after " + downMs + " ms");
    processes.kill(name);
    pause(downMs);
    processes.restart(name);
  }

  /** Waits until every edit is a version and every change reached the webhook, or the settle time passes. */
  private void settle(EditedSite site, TopicWatch topics, Receiver receiver) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      topics.check();
      boolean versioned = true;
      for (int i = 0; i < site.size() && versioned; i++) {
        versioned = topics.versionsOf(site.articleUrl(i)).contains(site.article(i).edits() + 1);
      }
      if (versioned && receiver.changeIds().size() >= topics.changeCount()) {
        pause(3_000); // let anything doubled arrive, so the ledger can count it
        return;
      }
      pause(500);
    }
  }

  private String servicesConfig(EditedSite site, Receiver receiver, String bootstrap) {
    String recheck = Collections.nCopies(600, "1s").stream().collect(Collectors.joining(", ", "[", "]"));
    String feeds = new ArrayList<String>() {{
        add(site.feedUrl());
        addAll(site.hostileFeedUrls());
      }}.stream().map(u -> "  - " + u).collect(Collectors.joining("\n"));
    return """
        kafka:
          bootstrap-servers: %s
          partitions: 3
        network:
          allow: [127.0.0.0/8]
        feeds:
        %s
        ingest:
          feed-poll-interval: 2s
          article-recheck: %s
          fetch-timeout: 5s
        diff-worker:
          state-dir: %s
          append-only-period: 1ms
        notifier:
          http:
            port: 0
          webhooks:
            - %s
          retry:
            max-attempts: 30
            initial-backoff: 500ms
        """.formatted(bootstrap, feeds, recheck, settings.dir().resolve("diff-worker").toAbsolutePath(), receiver.url());
  }

  private Path write(String name, String text) {
    try {
      return Files.writeString(settings.dir().resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void note(String fault) {
    faultLog.add(Instant.now() + " " + fault);
    System.err.println("fault suite: " + fault);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
