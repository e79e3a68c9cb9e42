package io.newsdelta.kafka;

import java.util.Map;
import java.util.Optional;

/**
 * What the cluster has of newsdelta's topics.
 *
 * @param brokers how many brokers the cluster has
 * @param topics the topics that exist, by name; a missing topic is absent
 */
public record ClusterState(int brokers, Map<String, TopicState> topics) {
  public ClusterState {
    topics = Map.copyOf(topics);
  }

  public Optional<TopicState> topic(String name) {
    return Optional.ofNullable(topics.get(name));
  }
}
