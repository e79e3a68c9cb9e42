package io.newsdelta.events.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** JSON Schema validation (networknt) with formats asserted, so a time that is not ISO-8601 fails. */
final class Validation {
  private Validation() {}

  static Schema schema(String schemaJson, SpecificationVersion dialect) {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    return registry.getSchema(schemaJson, InputFormat.JSON);
  }

  static Schema schema(String schemaJson) {
    return schema(schemaJson, SpecificationVersion.DRAFT_2020_12);
  }

  /** The violations of {@code json}, one readable line each. */
  static List<String> errors(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }
}
