package io.newsdelta.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws cost against scale from benchmark reports: one panel per cost (memory, CPU per check, Kafka
 * bytes per check, checks per second, p99 edit-to-alert beyond the re-check wait), tracked articles on a
 * log axis, one line per boilerplate mode.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.pipeline.ScaleChart OUT.png REPORT.json…}
 */
public final class ScaleChart {
  private ScaleChart() {}

  private record Panel(String label, ToDoubleFunction<JsonNode> value) {}

  private static final List<Panel> PANELS = List.of(
      new Panel("peak RSS (MiB)", r -> r.at("/cost/peakRssMib").asDouble()),
      new Panel("live heap (MiB)", ScaleChart::liveHeapMib),
      new Panel("CPU ms per check", r -> r.at("/cost/cpuSecondsPerCheck").asDouble() * 1000),
      new Panel("Kafka KiB per check", r -> r.at("/cost/kafkaBytesPerCheck").asDouble() / 1024),
      new Panel("checks per second", r -> r.at("/throughput/checksPerSecond").asDouble()),
      new Panel("p99 alert beyond wait (s)", r -> r.at("/latency/beyondWaitP99").asDouble() / 1000));

  /** After the full collection the run asked for at its end; older reports have only the GC log's peak. */
  static double liveHeapMib(JsonNode report) {
    double afterFullGc = report.at("/cost/liveHeapAfterFullGcMib").asDouble(-1);
    return afterFullGc > 0 ? afterFullGc : report.at("/cost/peakLiveHeapMib").asDouble();
  }

  private static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);

  private static Color colour(String mode) {
    return mode.endsWith("on-change") ? new Color(0x1f77b4) : new Color(0xd62728);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ScaleChart OUT.png REPORT.json...");
      System.exit(2);
    }
    System.setProperty("java.awt.headless", "true");
    List<JsonNode> reports = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (int i = 1; i < args.length; i++) {
      reports.add(mapper.readTree(Path.of(args[i]).toFile()));
    }
    write(reports, Path.of(args[0]));
  }

  /** Writes the chart of {@code reports} to {@code png}. */
  static void write(List<JsonNode> reports, Path png) throws IOException {
    LogAxis articles = new LogAxis("tracked articles");
    articles.setBase(10);
    articles.setRange(500, 200_000);
    articles.setTickUnit(new NumberTickUnit(1.0));
    articles.setNumberFormatOverride(new DecimalFormat("#,##0"));
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(articles);
    plot.setGap(8);
    List<JsonNode> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparingInt(r -> r.at("/setup/articles").asInt()));
    for (Panel panel : PANELS) {
      Map<String, XYSeries> byMode = new LinkedHashMap<>();
      for (JsonNode r : sorted) {
        String mode = "boilerplate " + r.at("/setup/boilerplate").asText();
        double v = panel.value().applyAsDouble(r);
        if (v >= 0) {
          byMode.computeIfAbsent(mode, XYSeries::new).add(r.at("/setup/articles").asDouble(), v);
        }
      }
      XYSeriesCollection data = new XYSeriesCollection();
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      for (XYSeries series : byMode.values()) {
        renderer.setSeriesPaint(data.getSeriesCount(), colour(series.getKey().toString()));
        renderer.setSeriesShape(data.getSeriesCount(), DOT);
        data.addSeries(series);
      }
      NumberAxis axis = new NumberAxis(panel.label());
      axis.setAutoRangeIncludesZero(true);
      plot.add(new XYPlot(data, null, axis, renderer));
    }
    // One legend entry per mode, the same colour in every panel.
    LegendItemCollection legend = new LegendItemCollection();
    for (String mode : List.of("boilerplate every-request", "boilerplate on-change")) {
      legend.add(new LegendItem(mode, colour(mode)));
    }
    plot.setFixedLegendItems(legend);
    JFreeChart chart = new JFreeChart("newsdelta run: cost against scale", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 1400);
  }
}
