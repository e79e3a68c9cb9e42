package io.newsdelta.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.Topics;
import io.newsdelta.events.Topics.TopicSpec;
import io.newsdelta.kafka.TopicFinding.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAdviceTest {
  private static final TopicSpec VERSIONS = Topics.all(6).stream()
      .filter(t -> t.name().equals(Topics.ARTICLE_VERSIONS)).findFirst().orElseThrow();
  private static final TopicSpec STATE = Topics.all(6).stream()
      .filter(t -> t.name().equals(Topics.INGEST_STATE)).findFirst().orElseThrow();

  private static TopicState asSpecified(TopicSpec spec, int replicas, String minIsr) {
    Map<String, String> configs = new HashMap<>(spec.configs());
    configs.putIfAbsent("cleanup.policy", "delete");
    configs.put("min.insync.replicas", minIsr);
    return new TopicState(spec.name(), spec.partitions(), replicas, configs);
  }

  private static List<TopicFinding> check(TopicSpec spec, TopicState state, int brokers) {
    return TopicAdvice.check(List.of(spec), new ClusterState(brokers, Map.of(state.name(), state)));
  }

  @Test
  void shouldFindNothingOnAProductionClusterSetUpAsRecommended() {
    assertThat(check(VERSIONS, asSpecified(VERSIONS, 3, "2"), 3)).isEmpty();
    assertThat(check(STATE, asSpecified(STATE, 3, "2"), 5)).isEmpty();
  }

  @Test
  void shouldFailAMissingTopicAndNameTheCommandThatCreatesIt() {
    List<TopicFinding> findings = TopicAdvice.check(List.of(VERSIONS), new ClusterState(1, Map.of()));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.FAIL);
      assertThat(f.text()).contains("newsdelta topics create");
    });
  }

  @Test
  void shouldFailARecordTopicThatExpires() {
    TopicState state = asSpecified(VERSIONS, 3, "2");
    Map<String, String> configs = new HashMap<>(state.configs());
    configs.put("retention.ms", "604800000");

    List<TopicFinding> findings =
        check(VERSIONS, new TopicState(state.name(), state.partitions(), 3, configs), 3);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.FAIL);
      assertThat(f.text()).contains("retention.ms is 604800000, newsdelta needs -1");
    });
  }

  @Test
  void shouldFailAStateTopicThatIsNotCompactedAndASmallMessageLimit() {
    Map<String, String> deleted = new HashMap<>(asSpecified(STATE, 3, "2").configs());
    deleted.put("cleanup.policy", "delete");
    assertThat(check(STATE, new TopicState(STATE.name(), 6, 3, deleted), 3)).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.FAIL);
          assertThat(f.text()).startsWith("cleanup.policy is delete, newsdelta needs compact");
        });

    Map<String, String> configs = new HashMap<>(asSpecified(VERSIONS, 3, "2").configs());
    configs.put("max.message.bytes", "1048588");
    assertThat(check(VERSIONS, new TopicState(VERSIONS.name(), 6, 3, configs), 3))
        .singleElement().satisfies(f -> assertThat(f.text()).startsWith("max.message.bytes is 1048588"));
  }

  @Test
  void shouldOnlyWarnAboutReplicationAndSayWhetherTheClusterCanHaveMore() {
    assertThat(check(VERSIONS, asSpecified(VERSIONS, 1, "1"), 1)).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARN);
      assertThat(f.text()).contains("on a 1-broker cluster", "--replication-factor 3 --min-insync-replicas 2");
    });
    assertThat(check(VERSIONS, asSpecified(VERSIONS, 1, "1"), 3)).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("production needs 3"));
    assertThat(check(VERSIONS, asSpecified(VERSIONS, 3, "1"), 3)).singleElement()
        .satisfies(f -> assertThat(f.text()).startsWith("min.insync.replicas is 1 with 3 replicas"));
  }

  @Test
  void shouldWarnWhenFewerPartitionsLimitTheInstancesThatShareTheWork() {
    TopicState state = asSpecified(VERSIONS, 3, "2");
    assertThat(check(VERSIONS, new TopicState(state.name(), 2, 3, state.configs()), 3)).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("at most 2 instances"));
  }
}
