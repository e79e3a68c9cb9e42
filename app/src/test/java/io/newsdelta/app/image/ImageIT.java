package io.newsdelta.app.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsdelta.testsupport.TestBroker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image {@code -Pimage} writes to app/target/newsdelta-image.tar, unpacked and run as a container would run
 * it: its own entrypoint on its own jlink'ed JRE and libraries, with nothing of the host's. Runs in the
 * integration-test phase of the image profile, after Jib has built the tarball.
 */
class ImageIT {
  private static final Path TARBALL = Path.of(System.getProperty("newsdelta.image.tar", "target/newsdelta-image.tar"));

  @TempDir static Path dir;
  static UnpackedImage image;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(TARBALL).as("built by ./mvnw -Pimage package").exists();
    image = UnpackedImage.unpack(TARBALL, dir);
  }

  @Test
  void shouldBeTheNamedImageWithAContainerAwareHeapOnItsOwnJava() {
    assertThat(image.repoTags()).contains("newsdelta:latest");
    assertThat(image.entrypoint()).startsWith("/opt/java/bin/java").contains("-XX:MaxRAMPercentage=60");
    assertThat(image.env()).containsEntry("MALLOC_ARENA_MAX", "2");
    assertThat(image.root().resolve("opt/java/bin/java")).isExecutable();
    assertThat(image.root().resolve("etc/newsdelta/newsdelta.yml")).exists();
  }

  @Test
  void shouldPrintTheVersionThroughTheEntrypoint() throws Exception {
    UnpackedImage.Result r = image.exec(Map.of(), "--version");

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("newsdelta 0.1.0");
  }

  @Test
  void shouldReadTheConfigFileAndTheEnvironmentInTheImage() throws Exception {
    UnpackedImage.Result r = image.exec(Map.of("NEWSDELTA_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"),
        "config", "show", "--config", "/etc/newsdelta/newsdelta.yml");

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("kafka:9092");
  }

  @Test
  void shouldFailTheHealthCheckWhenNothingAnswers() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    UnpackedImage.Result r = image.exec(Map.of(), "healthcheck", "--timeout", "2", "http://127.0.0.1:" + port + "/health/live");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).startsWith("unreachable: http://127.0.0.1:" + port);
  }

  /** The diff worker loads RocksDB's native library and TLS-free Kafka clients: the runtime layer must carry them. */
  @Test
  void shouldRunTheDiffWorkerUntilTheHealthCheckCommandSaysReady() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (TestBroker broker = TestBroker.start()) {
      Map<String, String> env = Map.of("NEWSDELTA_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
          "NEWSDELTA_MANAGEMENT_PORT", Integer.toString(port));
      Path log = dir.resolve("diff-worker.log");
      Process worker = image.command(env, "diff-worker", "--config", "/etc/newsdelta/newsdelta.yml")
          .redirectOutput(log.toFile()).start();
      try {
        String url = "http://127.0.0.1:" + port + "/health/ready";
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
          assertThat(worker.isAlive()).as(() -> read(log)).isTrue();
          UnpackedImage.Result check = image.exec(Map.of(), "healthcheck", url);
          assertThat(check.exitCode()).as(check.output()).isZero();
          // contains, not startsWith: this second JVM shares the worker's /tmp and PID 1, so it may warn first
          // that the worker holds /tmp/hsperfdata_root/1 (in a real container, docker exec gets another PID).
          assertThat(check.output()).contains("200 ready");
        });
        assertThat(image.root().resolve("var/lib/newsdelta/data/diff-worker")).isDirectory();
      } finally {
        // SIGKILL to unshare, whose --kill-child then ends the namespace's PID 1 and so every process in it.
        worker.destroyForcibly();
        worker.waitFor();
      }
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
