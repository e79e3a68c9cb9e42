package io.newsdelta.broker;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker configuration for a single-node, combined broker+controller KRaft cluster.
 *
 * <p>Every internal topic gets replication factor 1 and min ISR 1 because there is only one broker;
 * the defaults (3) would leave consumer groups and transactions waiting forever.
 */
final class BrokerSettings {

  /** Kafka's node id for the single node. */
  static final int NODE_ID = 1;
  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** 16 MiB of payload plus room for the record batch and headers. */
  static final int MAX_MESSAGE_BYTES = 17 * 1024 * 1024;

  /** The log cleaner's dedupe buffer defaults to 128 MiB; a local broker needs far less. */
  private static final int CLEANER_DEDUPE_BUFFER_BYTES = 8 * 1024 * 1024;

  private BrokerSettings() {
  }

  static Properties of(Path dataDir, int port, int controllerPort) {
    String host = Ports.LOOPBACK;
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("listeners", BROKER_LISTENER + "://" + host + ":" + port + ","
        + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
    p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + port);
    p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("log.dirs", dataDir.toString());

    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");

    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
    p.put("compression.type", "producer");

    // Small thread pools: this broker shares a laptop or a CI runner with the services using it.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(CLEANER_DEDUPE_BUFFER_BYTES));
    return p;
  }
}
