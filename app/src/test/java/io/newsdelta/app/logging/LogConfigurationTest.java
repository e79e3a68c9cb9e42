package io.newsdelta.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped log4j2.xml: an expected failure is one line, not a stack trace. */
class LogConfigurationTest {
  private static final String TASK_MANAGER = "org.apache.kafka.streams.processor.internals.TaskManager";
  private static final String STREAM_THREAD = "org.apache.kafka.streams.processor.internals.StreamThread";
  private static final String PARTITION_LEADER =
      "org.apache.kafka.clients.admin.internals.PartitionLeaderStrategy";
  private static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";

  private LoggerContext context;

  @BeforeEach
  void load() throws Exception {
    context = new LoggerContext("log-configuration-test", null,
        URI.create(getClass().getResource("/log4j2.xml").toString()));
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @ParameterizedTest
  @ValueSource(strings = {TASK_MANAGER, STREAM_THREAD, PARTITION_LEADER, REPLICA_MANAGER})
  void shouldWriteTheCorruptedTaskWarningOfStreamsOnOneLineWithTheExceptionsMessage(String logger) {
    Configuration configuration = context.getConfiguration();
    LoggerConfig taskManager = configuration.getLoggerConfig(logger);

    assertThat(taskManager.getName()).isEqualTo(logger);
    assertThat(taskManager.isAdditive()).isFalse();
    assertThat(taskManager.getAppenders()).containsOnlyKeys("stderr-brief");

    String line = format(configuration.getAppender("stderr-brief").getLayout(), logger,
        new IllegalStateException("Tasks [0_0] are corrupted and hence need to be re-initialized"));

    assertThat(line.lines()).hasSize(1);
    assertThat(line).contains("WARN", "Encounter corrupted task 0_0",
        "IllegalStateException: Tasks [0_0] are corrupted and hence need to be re-initialized");
  }

  @Test
  void shouldKeepTheStackTraceOfAnUnexpectedFailureElsewhere() {
    Configuration configuration = context.getConfiguration();

    String log = format(configuration.getAppender("stderr").getLayout(), "io.newsdelta.Something",
        new IllegalStateException("a bug"));

    assertThat(log).contains("java.lang.IllegalStateException: a bug", "\tat ");
  }

  private static String format(Layout<?> layout, String logger, Throwable thrown) {
    LogEvent event = Log4jLogEvent.newBuilder()
        .setLoggerName(logger)
        .setLevel(Level.WARN)
        .setMessage(new SimpleMessage("Encounter corrupted task 0_0, will group it with other corrupted tasks"))
        .setThrown(thrown)
        .build();
    return new String(layout.toByteArray(event), java.nio.charset.StandardCharsets.UTF_8);
  }
}
