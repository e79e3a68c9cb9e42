package io.newsdelta.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Topics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** docs/contract.md names every topic, CloudEvents type and header the code writes. */
class ContractDocTest {
  private final String doc = ContractFiles.read(ContractFiles.moduleDir().resolve("../docs/contract.md"));

  @Test
  void shouldNameEveryTopic() {
    Topics.all(1).forEach(spec -> assertThat(doc).contains("`" + spec.name() + "`"));
  }

  @Test
  void shouldNameEveryCloudEventsTypeAndHeader() throws IllegalAccessException {
    for (Field field : CloudEvents.class.getFields()) {
      if (field.getName().startsWith("TYPE_") && Modifier.isStatic(field.getModifiers())) {
        assertThat(doc).contains("`" + field.get(null) + "`");
      }
    }
    RecordHeaders headers = new RecordHeaders();
    CloudEvents.addHeaders(headers, "id", CloudEvents.TYPE_ARTICLE_CHANGE, "/newsdelta/diff-worker");
    for (Header header : headers) {
      assertThat(doc).contains("`" + header.key() + "`");
    }
    assertThat(doc).contains(new String(headers.lastHeader("ce_dataschema").value(), StandardCharsets.UTF_8));
  }

  @Test
  void shouldNameTheCommandThatRewritesTheContractFiles() {
    assertThat(doc).contains(ContractFiles.REWRITE_COMMAND);
  }
}
