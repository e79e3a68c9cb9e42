package io.newsdelta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a separate process, as a user runs it: started, sent SIGTERM, started again. Uses the app's
 * own logging configuration, so the logs are those a user reads.
 */
class ProcessIT {
  private static final Pattern CLUSTER = Pattern.compile("Kafka broker ready at \\S+ \\(cluster (\\S+),");

  @TempDir Path dir;

  @Test
  void runShouldStopOnSigtermWithExitZeroAndKeepTheBrokerDataForTheNextStart() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("newsdelta.yml"),
            """
            kafka:
              partitions: 2
              embedded:
                port: 0
                data-dir: %s
            diff-worker:
              state-dir: %s
            notifier:
              http:
                port: 0
            """
                .formatted(dir.resolve("kafka"), dir.resolve("streams")));

    String firstLog = runUntilStartedThenTerminate(config, "first.log");
    String secondLog = runUntilStartedThenTerminate(config, "second.log");

    assertThat(firstLog).contains("Formatted Kafka data directory").contains("newsdelta stopped")
        .contains("JVM: heap up to").contains("no heap size was given");
    assertThat(secondLog).doesNotContain("Formatted Kafka data directory").contains("newsdelta stopped");
    assertThat(clusterId(secondLog)).isEqualTo(clusterId(firstLog));
  }

  @Test
  void runShouldFinishStartingThenStopWithExitZeroWhenSigtermComesDuringStartUp() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"),
        "kafka:\n  partitions: 2\n  embedded:\n    port: 0\n    data-dir: %s\n".formatted(dir.resolve("kafka"))
            + "diff-worker:\n  state-dir: %s\nnotifier:\n  http:\n    port: 0\n".formatted(dir.resolve("streams")));
    Path log = dir.resolve("early.log");
    Process run = start(log, List.of("-Xmx256m"), "run", "--config", config.toString());
    try {
      // the first line the launcher logs, long before the services have started
      await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("Formatted Kafka data directory"));
      assertThat(read(log)).doesNotContain("newsdelta started");
    } finally {
      run.destroy(); // SIGTERM while starting
    }
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    assertThat(run.exitValue()).isZero();
    assertThat(read(log)).contains("SIGTERM received: stopping").contains("newsdelta stopped")
        .contains("JVM: heap up to 256 MiB (set)").doesNotContain("no heap size was given");
  }

  @Test
  void brokerShouldRunAloneWithTheTopicsCreatedAndStopOnSigterm() throws Exception {
    Path config = Files.writeString(dir.resolve("newsdelta.yml"),
        "kafka:\n  partitions: 2\n  embedded:\n    port: 0\n    data-dir: %s\n".formatted(dir.resolve("kafka")));
    Path log = dir.resolve("broker.log");
    Process broker = start(log, "broker", "--config", config.toString());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("newsdelta started"));
      Matcher ready = Pattern.compile("Kafka broker ready at (\\S+) ").matcher(read(log));
      assertThat(ready.find()).isTrue();
      try (var admin = org.apache.kafka.clients.admin.Admin.create(
          java.util.Map.of("bootstrap.servers", ready.group(1)))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .containsAll(io.newsdelta.events.Topics.all(2).stream().map(t -> t.name()).toList());
      }
    } finally {
      broker.destroy();
    }
    assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(broker.exitValue()).isZero();
  }

  @Test
  void demoShouldShowTheSeedStoryGoingFromVersionFourToFive() throws Exception {
    Path log = dir.resolve("demo.log");
    Process demo = start(log, "demo", "--port", "0", "--site-port", "0", "--kafka-port", "0");
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> read(log).contains("+ Plan to monitor all internet use"));
      assertThat(read(log))
          .contains("Version 1 → 2")
          .contains("headline: - Phone and email tracking plan due")
          .contains("- Ministers say the move is needed so police and the security services can investigate crime and terrorism.")
          .contains("+ Home Secretary Jacqui Smith ruled out creating a single database");
    } finally {
      demo.destroy();
      assertThat(demo.waitFor(40, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(demo.exitValue()).isZero();
  }

  private String runUntilStartedThenTerminate(Path config, String logName) throws Exception {
    Path log = dir.resolve(logName);
    Process run = start(log, "run", "--config", config.toString());
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("newsdelta started"));
    } finally {
      run.destroy(); // SIGTERM
    }
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    assertThat(run.exitValue()).isZero();
    return read(log);
  }

  private Process start(Path log, String... args) throws IOException {
    return start(log, List.of(), args);
  }

  private Process start(Path log, List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dlog4j2.configurationFile=classpath:log4j2.xml"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    // the JVM options are the test's alone: a heap in JAVA_TOOL_OPTIONS would change what the launcher logs
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    return pb
        .directory(dir.toFile())
        .redirectOutput(dir.resolve(log.getFileName() + ".out").toFile())
        .redirectError(log.toFile())
        .start();
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static String clusterId(String log) {
    Matcher m = CLUSTER.matcher(log);
    assertThat(m.find()).as("broker ready line in the log").isTrue();
    return m.group(1);
  }
}
