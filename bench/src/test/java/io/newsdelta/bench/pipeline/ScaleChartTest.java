package io.newsdelta.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleChartTest {

  private static JsonNode report(int articles, double rss) throws Exception {
    return new ObjectMapper().readTree("{\"setup\":{\"articles\":" + articles + ",\"boilerplate\":\"every-request\"},"
        + "\"cost\":{\"peakRssMib\":" + rss + ",\"peakLiveHeapMib\":100,\"cpuSecondsPerCheck\":0.02,"
        + "\"kafkaBytesPerCheck\":40000},\"throughput\":{\"checksPerSecond\":80},\"latency\":{\"beyondWaitP99\":2000}}");
  }

  @Test
  void shouldDrawAPngFromReports(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("chart.png");
    System.setProperty("java.awt.headless", "true");

    ScaleChart.write(List.of(report(10_000, 900), report(1_000, 450)), png);

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(1400);
  }

  @Test
  void shouldPlotTheHeapAfterTheFullCollectionWhenTheReportHasIt() throws Exception {
    JsonNode older = report(1_000, 450);
    JsonNode newer = new ObjectMapper().readTree(
        "{\"cost\":{\"peakLiveHeapMib\":900,\"liveHeapAfterFullGcMib\":120.5}}");
    JsonNode failed = new ObjectMapper().readTree(
        "{\"cost\":{\"peakLiveHeapMib\":900,\"liveHeapAfterFullGcMib\":-1}}");

    assertThat(ScaleChart.liveHeapMib(older)).isEqualTo(100);
    assertThat(ScaleChart.liveHeapMib(newer)).isEqualTo(120.5);
    assertThat(ScaleChart.liveHeapMib(failed)).isEqualTo(900);
  }
}
