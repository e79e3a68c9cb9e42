package io.newsdelta.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import io.newsdelta.events.Topics;
import io.newsdelta.events.Topics.TopicSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed AsyncAPI document is a valid AsyncAPI 3.0 document that describes every public topic. */
class AsyncApiDocumentTest {
  private final JsonNode doc = Pretty.parse(ContractFiles.read(ContractFiles.asyncApiFile()));

  @Test
  void shouldBeAValidAsyncApi3Document() {
    String spec = ContractFiles.read(
        ContractFiles.moduleDir().resolve("src/test/resources/asyncapi-spec/asyncapi-3.0.0.schema.json"));
    assertThat(Validation.errors(Validation.schema(spec, SpecificationVersion.DRAFT_7), doc.toString())).isEmpty();
  }

  @Test
  void shouldListEveryTopicAsPublicOrInternal() {
    assertThat(AsyncApiGenerator.undocumentedTopics())
        .as("topics of Topics.all with no entry in TopicDocs.PUBLIC or TopicDocs.INTERNAL")
        .isEmpty();
  }

  @Test
  void shouldDescribeEachPublicTopicWithItsPartitionsConfigsKeyAndSchema() {
    List<String> addresses = new ArrayList<>();
    doc.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
    for (TopicSpec spec : Topics.all(AsyncApiGenerator.defaultPartitions())) {
      if (TopicDocs.INTERNAL.contains(spec.name())) {
        assertThat(addresses).doesNotContain(spec.name());
        continue;
      }
      TopicDocs topic = TopicDocs.of(spec.name()).orElseThrow();
      JsonNode channel = doc.path("channels").path(topic.id());
      assertThat(channel.path("address").asText()).isEqualTo(spec.name());
      JsonNode kafka = channel.path("bindings").path("kafka");
      assertThat(kafka.path("partitions").asInt()).isEqualTo(spec.partitions());
      spec.configs().forEach((key, value) ->
          assertThat(kafka.path("topicConfiguration").path(key).toString().replace("\"", "").replace("[", "")
              .replace("]", "")).as("%s %s", spec.name(), key).isEqualTo(value));
      String name = topic.value().getSimpleName();
      JsonNode message = doc.path("components").path("messages").path(name);
      assertThat(message.path("payload").path("$ref").asText()).isEqualTo("#/components/schemas/" + name);
      assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
          .isEqualTo(topic.ceType());
      JsonNode schema = doc.path("components").path("schemas").path(name).path("schema");
      assertThat(schema).isEqualTo(Pretty.parse(
          ContractFiles.read(ContractFiles.schemasDir().resolve(SchemaGenerator.fileName(topic.value())))));
    }
  }
}
