package io.newsdelta.testsupport;

import io.newsdelta.broker.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link EmbeddedKafka} over a new temporary directory, deleted on close. */
final class InProcessBroker implements TestBroker.Backend {

  static final String KIND = "in-process";
  private static final Logger LOG = LoggerFactory.getLogger(InProcessBroker.class);

  private final EmbeddedKafka kafka;
  private final Path dataDir;

  private InProcessBroker(EmbeddedKafka kafka, Path dataDir) {
    this.kafka = kafka;
    this.dataDir = dataDir;
  }

  static InProcessBroker start() {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("newsdelta-test-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the test broker", e);
    }
    try {
      return new InProcessBroker(EmbeddedKafka.start(dataDir, 0, 0), dataDir);
    } catch (RuntimeException e) {
      deleteRecursively(dataDir);
      throw e;
    }
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete test broker directory {}: {}", dir, e.toString());
    }
  }
}
