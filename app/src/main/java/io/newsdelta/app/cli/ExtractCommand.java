package io.newsdelta.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.config.ConfigLoader;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.ExtractedArticle;
import io.newsdelta.events.Json;
import io.newsdelta.ingest.fetch.ContentTypes;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.FetchedResponse;
import io.newsdelta.ingest.fetch.HttpFetcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    NewsdeltaConfig settings = settings();
    // A file over ingest.max-page-bytes is refused as ingest would refuse the page, so it never reaches the worker.
    ArticleExtractor extractor = ArticleExtractor.withRules(settings.diffWorker().siteRules())
        .withMaxBytes(settings.ingest().maxPageBytes());
    // Pages are fetched as ingest fetches them: same User-Agent, timeout, size cap and error messages.
    HttpFetcher fetcher =
        HttpFetcher.builder()
            .userAgent(settings.ingest().userAgent())
            .timeout(settings.ingest().fetchTimeout())
            .maxBytes(settings.ingest().maxPageBytes())
            .addressPolicy(settings.network().policy())
            .build();
    PrintWriter out = spec.commandLine().getOut();
    int status = 0;
    for (String source : sources) {
      ObjectNode line = Json.mapper().createObjectNode().put("source", source);
      try {
        line.setAll((ObjectNode) Json.mapper().valueToTree(extract(extractor, fetcher, source)));
      } catch (IOException | FetchException e) {
        line.put("error", e.getMessage());
        status = 1;
      }
      out.println(Json.write(line));
      out.flush();
    }
    return status;
  }

  /** The configuration when there is one (for site rules and fetch settings), else the defaults. */
  private NewsdeltaConfig settings() {
    Path file = config != null ? config : Path.of("newsdelta.yml");
    if (config == null && !Files.isRegularFile(file)) {
      return ConfigLoader.parse("", Map.of());
    }
    return ConfigLoader.load(file);
  }

  private static ExtractedArticle extract(ArticleExtractor extractor, HttpFetcher fetcher, String source)
      throws IOException, FetchException {
    if (source.startsWith("http://") || source.startsWith("https://")) {
      FetchedResponse page = fetcher.get(URI.create(source), Map.of(), ContentTypes::isHtml);
      return extractor.extract(page.body(), page.contentType(), page.uri().toString());
    }
    Path file = Path.of(source);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file: " + source);
    }
    return extractor.extract(Files.readAllBytes(file), null, file.toUri().toString());
  }
}
