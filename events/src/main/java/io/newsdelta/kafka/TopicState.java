package io.newsdelta.kafka;

import java.util.Map;

/**
 * A topic as the cluster has it.
 *
 * @param name the topic
 * @param partitions its partition count
 * @param replicationFactor replicas of its first partition (newsdelta creates all partitions alike)
 * @param configs its effective settings, the broker's defaults included
 */
public record TopicState(String name, int partitions, int replicationFactor, Map<String, String> configs) {
  public TopicState {
    configs = Map.copyOf(configs);
  }

  /** The effective value of a setting, or null when the broker did not report it. */
  public String config(String key) {
    return configs.get(key);
  }
}
