package io.newsdelta.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The working tree's schemas are compatible with those of the last release (the newest directory under
 * {@code src/test/resources/schemas-release/}); how a release refreshes that baseline is in
 * docs/contract.md.
 */
class ReleaseCompatibilityTest {

  @Test
  void shouldHaveAReleaseBaseline() {
    assertThat(ContractFiles.lastRelease()).isPresent();
    assertThat(ContractFiles.jsonFiles(ContractFiles.lastRelease().orElseThrow())).isNotEmpty();
  }

  @Test
  void shouldOnlyAddFieldsSinceTheLastRelease() {
    Path release = ContractFiles.lastRelease().orElseThrow();
    List<String> problems = new ArrayList<>();
    for (Path released : ContractFiles.jsonFiles(release)) {
      Path current = ContractFiles.schemasDir().resolve(released.getFileName());
      if (!Files.exists(current)) {
        problems.add(released.getFileName() + " was released and is gone: an event type is never removed");
        continue;
      }
      SchemaCompatibility.problems(Pretty.parse(ContractFiles.read(released)), Pretty.parse(ContractFiles.read(current)))
          .forEach(p -> problems.add(released.getFileName() + ": " + p));
    }
    assertThat(problems)
        .as("incompatible with release %s (fields are only added; a new field is optional)", release.getFileName())
        .isEmpty();
  }
}
