package io.newsdelta.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a {@code /metrics} page over loopback HTTP, parsed from the Prometheus text format. */
record Scrape(String text, Map<String, Double> samples) {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** GETs {@code http://127.0.0.1:port/metrics}. */
  static Scrape of(int port) {
    Answer a = get(port, "/metrics");
    if (a.status() != 200) {
      throw new AssertionError("/metrics answered " + a.status() + ": " + a.body());
    }
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : a.body().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!line.startsWith("#") && m.find()) {
        samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), parse(m.group(3)));
      }
    }
    return new Scrape(a.body(), samples);
  }

  private static double parse(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The metric names (without labels) this scrape exposes. */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (String sample : samples.keySet()) {
      int brace = sample.indexOf('{');
      names.add(brace < 0 ? sample : sample.substring(0, brace));
    }
    return names;
  }

  /** The sum of every sample of {@code name} whose labels contain each of {@code labels} ({@code k="v"}). */
  double sum(String name, String... labels) {
    double total = 0;
    for (Map.Entry<String, Double> e : samples.entrySet()) {
      String key = e.getKey();
      if (!(key.equals(name) || key.startsWith(name + "{"))) {
        continue;
      }
      boolean all = true;
      for (String label : labels) {
        all &= key.contains(label);
      }
      if (all && !e.getValue().isNaN()) {
        total += e.getValue();
      }
    }
    return total;
  }

  /** A status and body. */
  record Answer(int status, String body) {}

  static Answer get(int port, String path) {
    try {
      HttpResponse<String> r = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
