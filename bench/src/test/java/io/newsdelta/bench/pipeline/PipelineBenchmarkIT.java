package io.newsdelta.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end at a tiny scale: the real {@code newsdelta.jar run} (built by the app module
 * before this one) as a child process with its embedded broker, the simulated site, real edits and
 * boilerplate re-rendered at every request.
 */
class PipelineBenchmarkIT {

  @Test
  void shouldDetectEveryLedgerEditAndReportNoBoilerplateChange() throws Exception {
    // Under target/, not a temporary directory: pipeline.log and gc.log stay for a look after a failure.
    Path dir = Path.of("target/pipeline-it").toAbsolutePath();
    Path jar = Path.of("../app/target/newsdelta.jar").toAbsolutePath().normalize();
    Path out = dir.resolve("report.json");

    Report report = PipelineBenchmark.run("--articles", "10", "--feeds", "2", "--hosts", "5",
        "--boilerplate", "every-request", "--recheck-gap", "1s", "--feed-poll", "1s",
        "--discovery-timeout", "60s", "--duration", "8s", "--settle-timeout", "60s",
        "--edit-rate", "0.5", "--rerender-rate", "0.5", "--heap", "384m", "--site-threads", "4",
        "--jar", jar.toString(), "--work-dir", dir.resolve("work").toString(), "--out", out.toString(), "--quiet");

    assertThat(report.firstPass().articlesTracked()).isEqualTo(10);
    assertThat(report.detection().realEdits()).isPositive();
    assertThat(report.detection().detected()).isEqualTo(report.detection().realEdits());
    assertThat(report.detection().missed()).isZero();
    assertThat(report.detection().wronglyReported()).isZero();
    assertThat(report.detection().wronglyReportedSamples()).isEmpty();
    assertThat(report.detection().alerts()).isEqualTo(report.detection().realEdits());
    assertThat(report.latency().pipelineOwnP50()).isPositive();
    assertThat(report.latency().editToAlertP99()).isGreaterThanOrEqualTo(report.latency().beyondWaitP99());
    assertThat(report.firstPass().caughtUpSeconds()).isGreaterThanOrEqualTo(report.firstPass().seconds());
    assertThat(report.stages().timed()).isEqualTo(report.detection().detected());
    assertThat(report.stages().ingestP50()).isNotNegative();
    assertThat(report.stages().workerP50()).isPositive();
    assertThat(report.stages().notifierP99()).isNotNegative();
    assertThat(report.stages().ingestP99() + report.stages().workerP99() + report.stages().notifierP99())
        .isGreaterThanOrEqualTo(report.latency().pipelineOwnP50());
    assertThat(report.throughput().checksPerSecond()).isPositive();
    assertThat(report.throughput().rawVersionsPerSecond()).isPositive();
    assertThat(report.cost().peakRssMib()).isPositive();
    assertThat(report.cost().peakHeapMib()).isPositive();
    assertThat(report.cost().liveHeapAfterFullGcMib()).isPositive().isLessThanOrEqualTo(report.cost().peakHeapMib());
    assertThat(report.cost().cpuSecondsPerCheck()).isPositive();
    assertThat(report.cost().kafkaBytesWritten()).isPositive();
    assertThat(report.site().hostsSeen()).isEqualTo(5);
    assertThat(report.site().maxConcurrencyAnyHost()).isPositive();
    assertThat(new ObjectMapper().readTree(Files.readString(out)).at("/detection/detected").asInt())
        .isEqualTo(report.detection().detected());
  }
}
