package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.Topics.TopicSpec;
import io.newsdelta.history.HistoryStore;
import io.newsdelta.kafka.ClusterState;
import io.newsdelta.kafka.TopicAdmin;
import io.newsdelta.kafka.TopicAdvice;
import io.newsdelta.kafka.TopicFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: checks what a deployment needs, one line per check — the configuration, the broker, the topics
 * against the recommended settings, the history store and the web port — and exits 1 when one fails.
 */
@Command(name = "doctor", description = {
    "Check the configuration, that Kafka answers, the topics' settings, the history store and the notifier's",
    "port. Prints one line per check (ok, warn, fail) with what to do; exits 1 when a check fails."})
public final class DoctorCommand implements Callable<Integer> {
  @Mixin ClusterSource source;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = TailCommand.DurationConverter.class, description = "how long to wait for Kafka (default: 10s)")
  Duration timeout;

  @Spec CommandSpec spec;

  private enum Status { OK, WARN, FAIL }

  private PrintWriter out;
  private boolean failed;

  @Override
  public Integer call() {
    out = spec.commandLine().getOut();
    NewsdeltaConfig config = config();
    if (config != null) {
      boolean brokerAnswers = broker(config);
      history(config);
      port(config.notifier(), brokerAnswers);
    }
    out.flush();
    return failed ? 1 : 0;
  }

  private NewsdeltaConfig config() {
    try {
      NewsdeltaConfig config = source.configOrDefaults();
      if (Files.isRegularFile(source.file)) {
        line(Status.OK, "config", source.file + " is valid: " + config.ingest().feeds().size() + " feed(s), "
            + config.notifier().channels().size() + " channel(s)");
      } else {
        line(Status.WARN, "config", "no " + source.file + ": the defaults are used; pass --config FILE or create it"
            + " (see README.md)");
      }
      return config;
    } catch (ConfigException e) {
      line(Status.FAIL, "config", e.getMessage());
      return null;
    }
  }

  /** The broker and the topics; true when the broker answered. */
  private boolean broker(NewsdeltaConfig config) {
    String servers = source.bootstrapServers != null ? source.bootstrapServers
        : config.kafka().effectiveBootstrapServers();
    List<TopicSpec> specs = TopicsCommand.specs(source);
    ClusterState cluster;
    try {
      cluster = TopicAdmin.describe(servers, specs.stream().map(TopicSpec::name).toList(), timeout);
    } catch (NewsdeltaException e) {
      line(Status.FAIL, "kafka", e.getMessage() + (config.kafka().useEmbedded() && source.bootstrapServers == null
          ? " (kafka.bootstrap-servers is empty: the embedded broker runs inside `newsdelta run` or `newsdelta broker`)"
          : ""));
      return false;
    }
    line(Status.OK, "kafka", cluster.brokers() + " broker(s) at " + servers + " answer");
    List<TopicFinding> findings = TopicAdvice.check(specs, cluster);
    if (findings.isEmpty()) {
      line(Status.OK, "topics", specs.size() + " topics as recommended");
    }
    findings.forEach(f -> line(f.severity() == TopicFinding.Severity.FAIL ? Status.FAIL : Status.WARN, "topics",
        f.topic() + ": " + f.text()));
    return true;
  }

  private void history(NewsdeltaConfig config) {
    String url = config.history().databaseUrl();
    try (HistoryStore store = HistoryStore.open(url)) {
      line(Status.OK, "history", HistoryStore.redacted(url) + " answers: " + store.reader().versionCount()
          + " version(s) materialised");
    } catch (NewsdeltaException e) {
      line(Status.FAIL, "history", e.getMessage());
    }
  }

  /** The notifier's port: free, or held by a running notifier (which answers /healthz). */
  private void port(NotifierConfig notifier, boolean brokerAnswers) {
    String where = notifier.httpBind() + ":" + notifier.httpPort();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(notifier.httpBind()), notifier.httpPort()));
      line(Status.OK, "port", where + " (notifier.http.port) is free for the notifier");
    } catch (IOException e) {
      line(brokerAnswers ? Status.WARN : Status.FAIL, "port", where + " (notifier.http.port) is in use: "
          + "a running notifier or `newsdelta run` holds it, or another program does; set notifier.http.port to move it");
    }
  }

  private void line(Status status, String check, String text) {
    failed |= status == Status.FAIL;
    out.printf("%-4s %-8s %s%n", status.name().toLowerCase(Locale.ROOT), check, text);
  }
}
