package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.ingest.health.FeedStatus;
import io.newsdelta.ingest.registry.RegistryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code feeds list [--json]}: every registered feed with what the ingest instance polling it last wrote on {@code
 * newsdelta.feeds.status}: its health, last poll (time and outcome), items, errors and owning instance.
 */
@Command(name = "list", description = "Every feed on newsdelta.feeds with its kind, health, last poll, items, errors "
    + "and owning ingest instance (from newsdelta.feeds.status); --json for one JSON object per line.")
final class FeedsList implements Callable<Integer> {
  /**
   * One line of {@code feeds list --json}: the registration's fields and the feed's status.
   *
   * @param url the feed URL
   * @param name its name, or null
   * @param kind {@code feed} or {@code sitemap}
   * @param schedule {@code gaps} or {@code geometric}
   * @param status what its ingest instance last wrote, or null when none polled it yet
   */
  record Listing(String url, String name, String kind, String schedule, FeedStatus status) {}

  @Mixin ClusterSource source;
  @Option(names = "--json", description = "one JSON object per feed and line") boolean json;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, FeedRegistration> feeds;
    Map<String, FeedStatus> statuses;
    try {
      RegistryClient registry = new RegistryClient(source.bootstrapServers(), Duration.ofSeconds(30));
      feeds = registry.list();
      statuses = registry.statuses();
    } catch (NewsdeltaException e) {
      spec.commandLine().getErr().println("newsdelta feeds list: " + e.getMessage());
      return 1;
    }
    if (!json) {
      out.printf("%-60s %-7s %-8s %-30s %6s %-9s %s%n", "URL", "KIND", "HEALTH", "LAST POLL", "ITEMS", "ERRORS",
          "OWNER");
    }
    for (FeedRegistration f : feeds.values()) {
      FeedStatus s = statuses.get(f.url());
      if (json) {
        out.println(Json.write(new Listing(f.url(), f.name(), f.kindOrDefault(), f.scheduleOrDefault(), s)));
      } else {
        row(out, f, s);
      }
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, FeedRegistration f, FeedStatus s) {
    if (s == null) {
      out.printf("%-60s %-7s %-8s %-30s %6s %-9s %s%n", f.url(), f.kindOrDefault(), "-", "not polled yet", "-", "-",
          "-");
      return;
    }
    String lastPoll = s.lastPollAt() == null ? "not polled yet"
        : s.lastPollAt().truncatedTo(ChronoUnit.SECONDS) + " " + s.lastOutcome();
    out.printf("%-60s %-7s %-8s %-30s %6d %-9s %s%n", f.url(), f.kindOrDefault(), s.health(), lastPoll, s.items(),
        s.consecutiveFailures() + "/" + s.errors(), s.owner());
    if (s.lastError() != null) {
      out.println("    last error: " + s.lastError());
    }
  }
}
