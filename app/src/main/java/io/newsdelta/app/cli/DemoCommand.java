package io.newsdelta.app.cli;

import io.newsdelta.app.demo.ChangeLog;
import io.newsdelta.app.demo.DemoSite;
import io.newsdelta.app.pipeline.Pipeline;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: offline, everything on loopback. A local news site publishes the seed story at version 4,
 * re-renders its boilerplate, then publishes version 5; the whole pipeline runs on an embedded broker in a
 * fresh directory, and the notifier shows the versions and the word diff at http://localhost:8080.
 */
@Command(name = "demo", description = "Offline demo: a local news site edited over time, shown at http://localhost:8080")
public final class DemoCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Option(names = "--port", description = "notifier pages port (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(names = "--site-port", description = "demo news site port (default: ${DEFAULT-VALUE})")
  int sitePort = 8081;

  @Option(names = "--kafka-port", description = "embedded broker port (default: ${DEFAULT-VALUE})")
  int kafkaPort = 9092;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path dataDir = tempDir();
    DemoSite site = DemoSite.start(sitePort);
    ChangeLog[] changeLog = new ChangeLog[1];
    try {
      return RunCommand.Launch.untilSignal(
          spec,
          () -> {
            Pipeline pipeline = Pipeline.start(config(site, port, kafkaPort, dataDir));
            changeLog[0] = ChangeLog.start(pipeline.bootstrapServers());
            site.playTimeline(Duration.ofSeconds(10), Duration.ofSeconds(20));
            LOG.info("Demo: news site at {}, feed {}", site.baseUrl(), site.feedUrl());
            LOG.info("Demo: open http://localhost:{}/ and watch version 4 become version 5 in about 25 s", pipeline.notifierPort());
            return pipeline;
          });
    } finally {
      if (changeLog[0] != null) {
        changeLog[0].close();
      }
      site.close();
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete the demo's data in {}: {}", dir, e.getMessage());
    }
  }

  /** The demo's configuration: the local feed, a fast schedule, a fresh broker directory. */
  static NewsdeltaConfig config(DemoSite site, int notifierPort, int kafkaPort, Path dataDir) {
    String yaml =
        """
        kafka:
          partitions: 2
          embedded:
            port: %d
            data-dir: %s
        # The demo's site and webhook run on this machine's loopback, which newsdelta refuses unless allowed.
        network:
          allow: [127.0.0.0/8]
        feeds:
          - url: %s
            name: Demo News
        ingest:
          feed-poll-interval: 2s
          article-recheck: [3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 3s, 1h]
        diff-worker:
          state-dir: %s
        notifier:
          http:
            port: %d
        history:
          database-url: jdbc:sqlite:%s
        """
            .formatted(kafkaPort, dataDir.resolve("kafka"), site.feedUrl(), dataDir.resolve("diff-worker"), notifierPort,
                dataDir.resolve("history.db"));
    return ConfigLoader.parse(yaml, Map.of());
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("newsdelta-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
