package io.newsdelta.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.newsdelta.config.ConfigDocs;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.ConfigTree;
import io.newsdelta.config.EffectiveConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code config show}: the effective configuration (file, environment and defaults), secrets masked;
 * {@code config docs}: the README's configuration table, from the key declarations.
 */
@Command(name = "config", description = "Inspect the configuration.",
    subcommands = {ConfigCommand.Show.class, ConfigCommand.Docs.class})
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
      String yaml;
      try {
        config.load(); // every value checked, as a service would at start
        yaml = render(ConfigLoader.tree(config.file, System.getenv()));
      } catch (ConfigException e) {
        spec.commandLine().getErr().println("newsdelta config: " + e.getMessage());
        return 2;
      }
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Prints the configuration table, or writes it into the README between its markers. */
  @Command(name = "docs", description = "Print the README's configuration table (Markdown), generated from the "
      + "key declarations; with --readme, write it into that file between its marker comments.")
  static final class Docs implements Callable<Integer> {
    @Option(names = "--readme", paramLabel = "FILE", description = "rewrite the table in this README")
    Path readme;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (readme == null) {
        spec.commandLine().getOut().print(ConfigDocs.table());
        spec.commandLine().getOut().flush();
        return 0;
      }
      try {
        Files.writeString(readme, ConfigDocs.replaceTable(Files.readString(readme)));
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("newsdelta config docs: " + readme + ": " + e.getMessage());
        return 2;
      }
      spec.commandLine().getErr().println("newsdelta config docs: wrote the configuration table into " + readme);
      return 0;
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  /** The effective configuration as YAML in the file's own shape, secrets masked. */
  static String render(ConfigTree tree) {
    try {
      return YAML.writeValueAsString(EffectiveConfig.of(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Masks every secret in a document, wherever it is nested. */
  static void mask(JsonNode node) {
    EffectiveConfig.mask(node);
  }

  public ConfigCommand() {}
}
