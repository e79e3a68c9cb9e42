package io.newsdelta.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** logging.format: json on the shipped log4j2.xml: one JSON object per line with the MDC fields. */
class JsonLogFormatTest {
  private static final String TASK_MANAGER = "org.apache.kafka.streams.processor.internals.TaskManager";

  private LoggerContext context;

  @BeforeEach
  void load() {
    context = new LoggerContext("json-log-test", null, URI.create(getClass().getResource("/log4j2.xml").toString()));
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void shouldKeepTextLinesByDefault() {
    Configuration c = context.getConfiguration();
    assertThat(c.getRootLogger().getAppenders()).containsOnlyKeys("stderr");
    assertThat(c.getLoggerConfig(TASK_MANAGER).getAppenders()).containsOnlyKeys("stderr-brief");
  }

  @Test
  void shouldWriteEveryLoggerAsOneJsonObjectPerLineWithTheMdcFields() throws Exception {
    LogFormat.toJson(context);
    Configuration c = context.getConfiguration();
    assertThat(c.getRootLogger().getAppenders()).containsOnlyKeys(LogFormat.JSON_APPENDER);
    assertThat(c.getLoggerConfig(TASK_MANAGER).getAppenders()).containsOnlyKeys(LogFormat.JSON_APPENDER);

    SortedArrayStringMap mdc = new SortedArrayStringMap();
    mdc.putValue("feedUrl", "https://example.org/rss.xml");
    mdc.putValue("articleId", "https://example.org/news/1");
    mdc.putValue("changeId", "chg-1");
    LogEvent event = Log4jLogEvent.newBuilder()
        .setLoggerName("io.newsdelta.ingest.poll.FeedPoller")
        .setLevel(Level.WARN)
        .setMessage(new SimpleMessage("Feed \"x\" failed;\nsee the log"))
        .setContextData(mdc)
        .setThrown(new IllegalStateException("a bug"))
        .build();
    byte[] bytes = c.getAppender(LogFormat.JSON_APPENDER).getLayout().toByteArray(event);
    String line = new String(bytes, StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n");
    assertThat(line.strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("io.newsdelta.ingest.poll.FeedPoller");
    assertThat(json.get("message").asText()).isEqualTo("Feed \"x\" failed;\nsee the log");
    assertThat(Map.of("feedUrl", json.get("feedUrl").asText(), "articleId", json.get("articleId").asText(),
        "changeId", json.get("changeId").asText()))
        .isEqualTo(Map.of("feedUrl", "https://example.org/rss.xml", "articleId", "https://example.org/news/1",
            "changeId", "chg-1"));
    assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(json.at("/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json.at("/error/stackTrace").asText()).contains("a bug", "\tat ");
  }
}
