package io.newsdelta.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the contract files live in the source tree of the events module, and the switch that rewrites
 * them. Paths are resolved from the module directory (Surefire's working directory), not the classpath,
 * because the committed files are what is compared and rewritten.
 */
final class ContractFiles {
  /** The one command that rewrites every generated contract file. */
  static final String REWRITE_COMMAND =
      "./mvnw -B -q -pl events -am verify -Dtest=SchemaFilesTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dschemas.write=true";

  static final String RESOURCES = "src/main/resources/io/newsdelta/events";
  static final String RELEASES = "src/test/resources/schemas-release";

  private ContractFiles() {}

  /** True when the files are to be rewritten rather than compared ({@code -Dschemas.write=true}). */
  static boolean writeMode() {
    return Boolean.getBoolean("schemas.write");
  }

  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Path schemasDir() {
    return moduleDir().resolve(RESOURCES).resolve("schemas");
  }

  static Path asyncApiFile() {
    return moduleDir().resolve(RESOURCES).resolve("asyncapi.json");
  }

  static Path releasesDir() {
    return moduleDir().resolve(RELEASES);
  }

  /** The baseline of the newest release ({@code schemas-release/<version>/}), if any release was made. */
  static Optional<Path> lastRelease() {
    Path dir = releasesDir();
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> releases = Files.list(dir)) {
      return releases.filter(Files::isDirectory).max(Comparator.comparing(ContractFiles::versionKey));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Orders {@code 0.10.0} after {@code 0.9.0}. */
  private static String versionKey(Path release) {
    StringBuilder key = new StringBuilder();
    for (String part : release.getFileName().toString().split("\\.")) {
      key.append(String.format("%08d", parseOrZero(part)));
    }
    return key.toString();
  }

  private static int parseOrZero(String part) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> jsonFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
