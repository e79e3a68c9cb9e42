package io.newsdelta.bench.pipeline;

import io.newsdelta.bench.site.NewsSite;
import io.newsdelta.bench.site.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * The {@code newsdelta.yml} the benchmark runs the pipeline with: the site's feeds, the webhook, short
 * re-check gaps, and the broker (embedded in the work directory, or an external cluster). Every knob
 * goes through the real config file, as a user's would.
 */
final class ConfigFile {
  private ConfigFile() {}

  static Path write(Path dir, NewsSite site, SiteConfig sc, String webhook, String bootstrapServers, int kafkaPort,
      String recheckGap, int gaps, String feedPoll, int fetchConcurrency, boolean stories) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("# Written by io.newsdelta.bench.pipeline.PipelineBenchmark\n");
    y.append("kafka:\n  bootstrap-servers: \"").append(bootstrapServers).append("\"\n");
    if (bootstrapServers.isBlank()) {
      y.append("  embedded:\n    port: ").append(kafkaPort).append("\n    data-dir: ")
          .append(dir.resolve("kafka")).append('\n');
    }
    // The simulated site spreads over 127.0.0.x host names, and the alert receiver is on loopback too.
    y.append("network:\n  allow: [127.0.0.0/8]\n");
    y.append("feeds:\n");
    for (int f = 0; f < sc.feeds(); f++) {
      y.append("  - url: ").append(site.feedUrl(f)).append("\n    name: Bench feed ").append(f).append('\n');
    }
    y.append("ingest:\n  feed-poll-interval: ").append(feedPoll).append('\n');
    y.append("  article-recheck: [").append(String.join(", ", Collections.nCopies(gaps, recheckGap))).append("]\n");
    if (fetchConcurrency > 0) {
      y.append("  fetch-concurrency: ").append(fetchConcurrency).append('\n');
    }
    y.append("diff-worker:\n  state-dir: ").append(dir.resolve("diff-worker")).append('\n');
    if (!stories) {
      y.append("stories:\n  enabled: false\n");
    }
    y.append("notifier:\n  http:\n    port: 0\n  webhooks:\n    - url: ").append(webhook).append('\n');
    Path file = dir.resolve("newsdelta.yml");
    Files.writeString(file, y);
    return file;
  }
}
