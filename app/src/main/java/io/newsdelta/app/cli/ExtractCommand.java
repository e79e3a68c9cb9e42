package io.newsdelta.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.SiteRule;
import io.newsdelta.diffworker.extract.ArticleExtractor;
import io.newsdelta.diffworker.extract.ExtractedArticle;
import io.newsdelta.events.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code extract FILE|URL …}: what the diff worker extracts from each page, one JSON object per line, in
 * input order. A source that cannot be read gives an object with {@code source} and {@code error}, and exit
 * status 1 at the end; the other sources are still extracted.
 */
@Command(name = "extract", description = "Print the article the worker would extract from each page, as JSON lines.")
public final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "HTML files or http(s) URLs")
  List<String> sources;

  @Option(names = "--config", paramLabel = "FILE",
      description = "configuration with extract.sites rules (default: newsdelta.yml when present)")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ArticleExtractor extractor = ArticleExtractor.withRules(siteRules());
    PrintWriter out = spec.commandLine().getOut();
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).build();
    int status = 0;
    for (String source : sources) {
      ObjectNode line = Json.mapper().createObjectNode().put("source", source);
      try {
        line.setAll((ObjectNode) Json.mapper().valueToTree(extract(extractor, http, source)));
      } catch (IOException e) {
        line.put("error", e.getMessage());
        status = 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 130;
      }
      out.println(Json.write(line));
      out.flush();
    }
    return status;
  }

  private List<SiteRule> siteRules() {
    Path file = config != null ? config : Path.of("newsdelta.yml");
    if (config == null && !Files.isRegularFile(file)) {
      return List.of();
    }
    return ConfigLoader.load(file).diffWorker().siteRules();
  }

  private static ExtractedArticle extract(ArticleExtractor extractor, HttpClient http, String source)
      throws IOException, InterruptedException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      HttpResponse<byte[]> response =
          http.send(HttpRequest.newBuilder(URI.create(source)).timeout(Duration.ofSeconds(30))
              .header("User-Agent", "newsdelta/0.1").build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " from " + source);
      }
      return extractor.extract(
          response.body(), response.headers().firstValue("Content-Type").orElse(null), response.uri().toString());
    }
    Path file = Path.of(source);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + source);
    }
    return extractor.extract(Files.readAllBytes(file), null, file.toUri().toString());
  }
}
