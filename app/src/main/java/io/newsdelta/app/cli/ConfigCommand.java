package io.newsdelta.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.Durations;
import io.newsdelta.config.NewsdeltaConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code config show}: the effective configuration (file, environment and defaults), secrets masked. */
@Command(name = "config", description = "Inspect the configuration.", subcommands = ConfigCommand.Show.class)
public final class ConfigCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Prints the configuration every service would run with, as YAML. */
  @Command(name = "show", description = "Print the effective configuration as YAML, with secrets masked.")
  static final class Show implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      NewsdeltaConfig effective;
      try {
        effective = config.load();
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("newsdelta config: " + e.getMessage());
        return 2;
      }
      spec.commandLine().getOut().print(render(effective));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Names of fields whose values are never printed. */
  private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|api-?key|credential).*");

  private static final ObjectMapper YAML = yamlMapper();

  /** The configuration as YAML in the file's own key style (kebab-case, durations as 5m), secrets masked. */
  static String render(NewsdeltaConfig config) {
    JsonNode tree = YAML.valueToTree(config);
    mask(tree);
    try {
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (SECRET.matcher(field.getKey()).matches() && value.isValueNode() && !value.isNull()
            && !value.asText().isEmpty()) {
          field.setValue(TextNode.valueOf("******"));
        } else {
          mask(value);
        }
      }
    } else if (node.isArray()) {
      node.forEach(ConfigCommand::mask);
    }
  }

  private static ObjectMapper yamlMapper() {
    SimpleModule durations = new SimpleModule()
        .addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
          @Override
          public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Durations.format(value));
          }
        })
        .addSerializer(Path.class, new ToStringSerializer(Path.class));
    return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
        .registerModule(new JavaTimeModule())
        .registerModule(durations)
        .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.KEBAB_CASE)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  public ConfigCommand() {}
}
