package io.newsdelta.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.DeadLetter;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.IngestError;
import io.newsdelta.events.RawVersion;
import io.newsdelta.events.StoryEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schema (draft 2020-12) of each event value, generated from the record with victools and its
 * Jackson module, so the schema says what {@link io.newsdelta.events.Json} writes.
 *
 * <p>What the schemas promise, and why:
 * <ul>
 *   <li>Every property is written (the mapper writes nulls), so a property is {@code required} when the
 *       type's first release had it. A property added since is optional: events written before it was
 *       added, kept for ever on the record topics, do not have it. The required sets are therefore read
 *       from the last release's baseline.
 *   <li>A reference-typed field may be null (the record allows it); a primitive never is.
 *   <li>No {@code additionalProperties: false}: fields are only ever added, and a reader holding an older
 *       schema must still accept newer events.
 * </ul>
 */
final class SchemaGenerator {
  /**
   * The event values with a published schema, in the order the documents list them; the same set as
   * {@link CloudEvents#valueTypes()} (checked by {@code CloudEventsTest}).
   */
  static final List<Class<?>> EVENTS = List.of(
      RawVersion.class, ArticleVersion.class, ArticleChange.class, IngestError.class, DeadLetter.class,
      FeedRegistration.class, StoryEvent.class);

  static final int VERSION = CloudEvents.SCHEMA_VERSION;

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Set<String>> baselineRequired;
  private final com.github.victools.jsonschema.generator.SchemaGenerator victools;

  /** A generator whose required sets come from the release baseline in {@code baseline}, if any. */
  SchemaGenerator(Optional<Path> baseline) {
    this.baselineRequired = baseline.map(SchemaGenerator::requiredByType).orElse(Map.of());
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
            .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forTypesInGeneral()
        .withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS)
        .withDescriptionResolver(scope -> scope.getType() == null || scope.getType().getErasedType().isPrimitive()
            ? null : RecordDocs.of(scope.getType().getErasedType()).description());
    config.forFields()
        .withNullableCheck(field -> !field.getType().getErasedType().isPrimitive())
        .withRequiredCheck(this::isRequired)
        .withDescriptionResolver(field ->
            RecordDocs.of(field.getDeclaringType().getErasedType()).fields().get(field.getDeclaredName()));
    this.victools = new com.github.victools.jsonschema.generator.SchemaGenerator(config.build());
  }

  /** The schema's file name, {@code <Record>.v1.json}. */
  static String fileName(Class<?> type) {
    return type.getSimpleName() + ".v" + VERSION + ".json";
  }

  /** The schema's {@code $id}, also the CloudEvents {@code dataschema} of events carrying this value. */
  static String id(Class<?> type) {
    return CloudEvents.dataschema(type);
  }

  /** The schema of {@code type} as a JSON tree. */
  ObjectNode schema(Class<?> type) {
    ObjectNode generated = victools.generateSchema(type);
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
    schema.put("$id", id(type));
    schema.put("title", type.getSimpleName());
    if (generated.has("description")) {
      schema.set("description", generated.remove("description"));
    }
    schema.setAll(generated);
    return schema;
  }

  /** The schema of {@code type} as the text of its committed file (indented, one trailing newline). */
  String text(Class<?> type) {
    return Pretty.print(schema(type));
  }

  private boolean isRequired(FieldScope field) {
    Set<String> required = baselineRequired.get(field.getDeclaringType().getErasedType().getSimpleName());
    return required == null || required.contains(field.getDeclaredName());
  }

  /** The required properties of every object type (the root and each {@code $defs} entry) of a release. */
  private static Map<String, Set<String>> requiredByType(Path release) {
    Map<String, Set<String>> required = new HashMap<>();
    for (Path file : ContractFiles.jsonFiles(release)) {
      JsonNode schema = Pretty.parse(ContractFiles.read(file));
      required.put(schema.path("title").asText(), names(schema.path("required")));
      Iterator<Map.Entry<String, JsonNode>> defs = schema.path("$defs").fields();
      while (defs.hasNext()) {
        Map.Entry<String, JsonNode> def = defs.next();
        required.putIfAbsent(def.getKey(), names(def.getValue().path("required")));
      }
    }
    return required;
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new HashSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
