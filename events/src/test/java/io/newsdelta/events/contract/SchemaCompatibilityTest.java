package io.newsdelta.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.DeadLetter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compatibility checker itself, on deliberately broken schemas. */
class SchemaCompatibilityTest {
  private final SchemaGenerator generator = new SchemaGenerator(Optional.empty());
  private final ObjectNode released = generator.schema(ArticleChange.class);

  @Test
  void shouldAcceptTheSameSchema() {
    assertThat(SchemaCompatibility.problems(released, generator.schema(ArticleChange.class))).isEmpty();
  }

  @Test
  void shouldAcceptAnAddedOptionalField() {
    ObjectNode current = released.deepCopy();
    ((ObjectNode) current.get("properties")).putObject("movedTo").putArray("type").add("string").add("null");
    assertThat(SchemaCompatibility.problems(released, current)).isEmpty();
  }

  @Test
  void shouldAcceptAChangedDescription() {
    ObjectNode current = released.deepCopy();
    property(current, "summary").put("description", "better words");
    assertThat(SchemaCompatibility.problems(released, current)).isEmpty();
  }

  @Test
  void shouldRejectARemovedField() {
    ObjectNode current = released.deepCopy();
    ((ObjectNode) current.get("properties")).remove("summary");
    removeRequired(current, "summary");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.summary is removed");
  }

  @Test
  void shouldRejectARenamedField() {
    ObjectNode current = released.deepCopy();
    ObjectNode props = (ObjectNode) current.get("properties");
    props.set("headline", props.remove("title"));
    assertThat(SchemaCompatibility.problems(released, current)).anySatisfy(p -> assertThat(p).contains("$.title is removed"));
  }

  @Test
  void shouldRejectARetypedField() {
    ObjectNode current = released.deepCopy();
    property(current, "fromVersion").put("type", "string");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.fromVersion is retyped: [integer] in the release, [string] now");
  }

  @Test
  void shouldRejectAFieldThatBecameNullable() {
    ObjectNode current = released.deepCopy();
    property(current, "toVersion").putArray("type").add("integer").add("null");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString().contains("retyped");
  }

  @Test
  void shouldRejectAChangedFormat() {
    ObjectNode current = released.deepCopy();
    property(current, "toObservedAt").put("format", "date");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString().contains("format");
  }

  @Test
  void shouldRejectARetypedFieldOfANestedType() {
    ObjectNode current = released.deepCopy();
    ((ObjectNode) current.at("/$defs/ChangeStats/properties/wordsAdded")).put("type", "number");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.stats.wordsAdded is retyped");
  }

  @Test
  void shouldRejectARemovedEnumValue() {
    ObjectNode current = released.deepCopy();
    ArrayNode ops = (ArrayNode) current.at("/$defs/Op/enum");
    ops.remove(ops.size() - 1);
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.hunks[].op lost the enum value \"replace\"");
  }

  @Test
  void shouldRejectANewRequiredField() {
    ObjectNode current = released.deepCopy();
    ((ObjectNode) current.get("properties")).putObject("severity").put("type", "string");
    ((ArrayNode) current.get("required")).add("severity");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.severity is new and required");
  }

  @Test
  void shouldRejectARequiredFieldMadeOptional() {
    ObjectNode current = released.deepCopy();
    removeRequired(current, "changeId");
    assertThat(SchemaCompatibility.problems(released, current)).singleElement().asString()
        .contains("$.changeId is no longer required");
  }

  @Test
  void shouldFollowReferencesIntoNestedTypes() {
    ObjectNode letter = generator.schema(DeadLetter.class);
    ObjectNode current = letter.deepCopy();
    ((ObjectNode) current.at("/$defs/ArticleChange/properties")).remove("changeId");
    assertThat(SchemaCompatibility.problems(letter, current)).anySatisfy(p -> assertThat(p)
        .contains("$.change.changeId is removed"));
  }

  @Test
  void shouldGenerateAFieldAddedSinceTheReleaseAsOptional(@TempDir Path release) {
    ObjectNode older = released.deepCopy();
    ((ObjectNode) older.get("properties")).remove("previousTitle");
    removeRequired(older, "previousTitle");
    ContractFiles.write(release.resolve(SchemaGenerator.fileName(ArticleChange.class)), Pretty.print(older));

    ObjectNode regenerated = new SchemaGenerator(Optional.of(release)).schema(ArticleChange.class);

    assertThat(regenerated.get("required")).extracting(JsonNode::toString).asString()
        .doesNotContain("previousTitle").contains("\"changeId\"");
    assertThat(SchemaCompatibility.problems(older, regenerated)).isEmpty();
    assertThat(SchemaCompatibility.problems(older, generator.schema(ArticleChange.class))).singleElement()
        .asString().contains("$.previousTitle is new and required");
  }

  private static ObjectNode property(ObjectNode schema, String name) {
    return (ObjectNode) schema.get("properties").get(name);
  }

  private static void removeRequired(ObjectNode schema, String name) {
    ArrayNode required = (ArrayNode) schema.get("required");
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asText().equals(name)) {
        required.remove(i);
        return;
      }
    }
  }
}
