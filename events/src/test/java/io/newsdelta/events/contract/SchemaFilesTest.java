package io.newsdelta.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed contract files are exactly what the records generate. When a record gains a field, this
 * test fails and names the one command that rewrites the files ({@link ContractFiles#REWRITE_COMMAND}).
 */
class SchemaFilesTest {

  @Test
  void shouldCommitTheSchemaEveryEventRecordGenerates() {
    SchemaGenerator generator = new SchemaGenerator(ContractFiles.lastRelease());
    List<String> stale = new ArrayList<>();
    for (Class<?> type : SchemaGenerator.EVENTS) {
      Path file = ContractFiles.schemasDir().resolve(SchemaGenerator.fileName(type));
      stale.addAll(compareOrWrite(file, generator.text(type)));
    }
    assertUpToDate(stale);
  }

  @Test
  void shouldCommitTheAsyncApiDocumentTheTopicsAndRecordsGenerate() {
    assertThat(AsyncApiGenerator.undocumentedTopics())
        .as("topics of Topics.all that TopicDocs does not list as public or internal; add them there")
        .isEmpty();
    String text = new AsyncApiGenerator(new SchemaGenerator(ContractFiles.lastRelease())).text();
    assertUpToDate(compareOrWrite(ContractFiles.asyncApiFile(), text));
  }

  @Test
  void shouldGenerateASchemaForEveryPublicCloudEventsType() {
    assertThat(SchemaGenerator.EVENTS).containsExactlyInAnyOrderElementsOf(
        io.newsdelta.events.CloudEvents.valueTypes().values());
  }

  @Test
  void shouldPublishNoSchemaWithoutItsRecord() {
    List<String> expected = SchemaGenerator.EVENTS.stream().map(SchemaGenerator::fileName).toList();
    assertThat(ContractFiles.jsonFiles(ContractFiles.schemasDir()))
        .extracting(f -> f.getFileName().toString())
        .as("schema files under %s; an event type is never removed", ContractFiles.schemasDir())
        .allMatch(expected::contains);
  }

  /** In write mode, writes {@code text} to {@code file}; otherwise names the file when it differs. */
  static List<String> compareOrWrite(Path file, String text) {
    if (ContractFiles.writeMode()) {
      if (!Files.exists(file) || !ContractFiles.read(file).equals(text)) {
        ContractFiles.write(file, text);
      }
      return List.of();
    }
    if (!Files.exists(file)) {
      return List.of(file + " is missing");
    }
    return ContractFiles.read(file).equals(text) ? List.of() : List.of(file + " differs from what the code generates");
  }

  static void assertUpToDate(List<String> stale) {
    assertThat(stale)
        .as("The committed event contract is out of date; rewrite it with%n  %s%nthen review and commit the"
            + " diff. Stale files", ContractFiles.REWRITE_COMMAND)
        .isEmpty();
  }
}
