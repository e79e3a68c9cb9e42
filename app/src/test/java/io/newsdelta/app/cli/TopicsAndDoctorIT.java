package io.newsdelta.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.app.Main;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.TestBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code topics create}, {@code topics describe} and {@code doctor} against a real broker and a real SQLite store. */
class TopicsAndDoctorIT {
  private static TestBroker broker;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String servers) throws Exception {
    Path file = dir.resolve("newsdelta.yml");
    Files.writeString(file, """
        kafka:
          bootstrap-servers: "%s"
          partitions: 3
        history:
          database-url: "jdbc:sqlite:%s"
        notifier:
          http:
            port: 0
        """.formatted(servers, dir.resolve("history.db")));
    return file;
  }

  @Test
  void shouldCreateEveryTopicThenDescribeThemWithOnlyTheAdviceForASingleBroker() throws Exception {
    Path config = config(broker.bootstrapServers());
    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    try (admin) {
      admin.deleteTopics(Topics.all(1).stream().map(Topics.TopicSpec::name).toList()).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      // none existed yet
    }

    int created = run("topics", "create", "--config", config.toString());

    assertThat(created).as(err.toString()).isZero();
    for (Topics.TopicSpec topic : Topics.all(3)) {
      assertThat(out.toString()).containsPattern(topic.name().replace(".", "\\.") + " +" + topic.partitions() + " +1 ");
    }
    assertThat(out.toString()).contains("1 broker(s)", "replication factor 1 on a 1-broker cluster")
        .doesNotContain("fail ");

    out.getBuffer().setLength(0);
    assertThat(run("topics", "describe", "--config", config.toString())).isZero();
    assertThat(out.toString()).contains("newsdelta.article-versions", "-1").doesNotContain("missing");
  }

  @Test
  void shouldFailDescribeAndDoctorOnAStateTopicThatIsNotCompacted() throws Exception {
    try (TestBroker other = TestBroker.start()) {
      Path config = config(other.bootstrapServers());
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, other.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(Topics.INGEST_STATE, 3, (short) 1)
            .configs(Map.of("cleanup.policy", "delete")))).all().get(30, TimeUnit.SECONDS);
      }
      run("topics", "create", "--config", config.toString());
      out.getBuffer().setLength(0);

      assertThat(run("topics", "describe", "--config", config.toString())).isEqualTo(1);
      assertThat(out.toString()).contains("fail " + Topics.INGEST_STATE + ": cleanup.policy is delete, newsdelta needs compact");

      out.getBuffer().setLength(0);
      assertThat(run("doctor", "--config", config.toString())).isEqualTo(1);
      assertThat(out.toString()).contains("ok   kafka", "ok   history", "fail topics   " + Topics.INGEST_STATE);
    }
  }

  @Test
  void shouldRefuseAReplicationFactorTheClusterCannotHaveWithKafkasReason() throws Exception {
    try (TestBroker empty = TestBroker.start()) {
      Path config = config(empty.bootstrapServers());

      assertThat(run("topics", "create", "--config", config.toString(), "--replication-factor", "3",
          "--min-insync-replicas", "2")).isEqualTo(1);
    }
    assertThat(err.toString()).startsWith("newsdelta topics create: cannot create or configure topics on")
        .contains("The target replication factor of 3 cannot be reached because only 1 broker(s) are registered");
  }

  @Test
  void shouldPassTheDoctorOnAHealthySetUp() throws Exception {
    Path config = config(broker.bootstrapServers());
    run("topics", "create", "--config", config.toString());
    out.getBuffer().setLength(0);

    int status = run("doctor", "--config", config.toString());

    assertThat(status).as(out.toString()).isZero();
    assertThat(out.toString()).contains("ok   config", "ok   kafka    1 broker(s) at " + broker.bootstrapServers(),
        "warn topics", "ok   history  jdbc:sqlite:", "0 version(s) materialised", "ok   port");
  }

  @Test
  void shouldFailTheDoctorWhenKafkaDoesNotAnswerAndSayWhatToCheck() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path config = config("127.0.0.1:" + closedPort);

    int status = run("doctor", "--config", config.toString(), "--timeout", "3s");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("fail kafka    Kafka at 127.0.0.1:" + closedPort
        + " did not answer within 3 s; check kafka.bootstrap-servers", "ok   history");
  }
}
