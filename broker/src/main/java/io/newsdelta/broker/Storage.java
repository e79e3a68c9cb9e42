package io.newsdelta.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's data directory: formatted once, on first start, like {@code kafka-storage.sh format}.
 *
 * <p>Formatting writes {@code meta.properties} (cluster id, node id, directory id) and the bootstrap
 * metadata snapshot. The cluster id is then read back from {@code meta.properties} on every start,
 * so a restart over the same directory joins the same cluster and keeps its topics and offsets.
 */
final class Storage {

  private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
  private static final String META_PROPERTIES = "meta.properties";

  private Storage() {
  }

  /** Formats {@code dataDir} unless it already holds a formatted log directory; returns its cluster id. */
  static String formatIfNeeded(Path dataDir) {
    Path meta = dataDir.resolve(META_PROPERTIES);
    if (Files.isRegularFile(meta)) {
      String clusterId = readClusterId(meta);
      LOG.debug("Data directory {} already formatted for cluster {}", dataDir, clusterId);
      return clusterId;
    }
    String clusterId = Uuid.randomUuid().toString();
    format(dataDir, clusterId);
    return readClusterId(meta);
  }

  private static void format(Path dataDir, String clusterId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try {
      Files.createDirectories(dataDir);
      new Formatter()
          .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
          .setNodeId(BrokerSettings.NODE_ID)
          .setClusterId(clusterId)
          .setDirectories(List.of(dataDir.toString()))
          .setMetadataLogDirectory(dataDir.toString())
          .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (Exception e) {
      throw new BrokerException("cannot format Kafka data directory " + dataDir + ": " + e.getMessage(), e);
    }
    LOG.info("Formatted Kafka data directory {} for new cluster {}", dataDir, clusterId);
    LOG.debug("Formatter output: {}", output.toString(StandardCharsets.UTF_8).strip());
  }

  private static String readClusterId(Path meta) {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      properties.load(in);
    } catch (IOException e) {
      throw new BrokerException("cannot read " + meta + ": " + e.getMessage(), e);
    }
    String clusterId = properties.getProperty("cluster.id");
    if (clusterId == null || clusterId.isBlank()) {
      throw new BrokerException(meta + " has no cluster.id: delete the data directory to start a new cluster");
    }
    return clusterId;
  }
}
