package io.newsdelta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The trafilatura evaluation corpus read from its directory: {@code evaldata.json} plus
 * {@code html/HASH.html.gz}. Pages are joined to their entries through the mapping
 * {@code trafilatura-eval-mapping.tsv} on the class path (see {@link CorpusMapper}).
 */
public final class Corpus {

  /** One evaluation page: its URL, the gzip file, and the snippets it must and must not yield. */
  public record Page(String url, Path file, List<String> with, List<String> without) {

    /** The page bytes as fetched. */
    public byte[] bytes() {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
  }

  /** An evaluation entry before it is joined to a page file. */
  public record Entry(String url, List<String> with, List<String> without) {}

  static final String MAPPING = "/trafilatura-eval-mapping.tsv";

  private Corpus() {}

  /** The entries of {@code evaldata.json}, in file order. */
  public static Map<String, Entry> entries(Path dir) throws IOException {
    JsonNode root = new ObjectMapper().readTree(dir.resolve("evaldata.json").toFile());
    Map<String, Entry> out = new LinkedHashMap<>();
    root.fields().forEachRemaining(f -> out.put(f.getKey(), new Entry(f.getKey(),
        strings(f.getValue().get("with")), strings(f.getValue().get("without")))));
    return out;
  }

  /** Every page of the corpus in {@code dir} that the mapping resolves. */
  public static List<Page> pages(Path dir) throws IOException {
    Map<String, Entry> entries = entries(dir);
    Map<String, String> mapping = mapping();
    List<Page> pages = new ArrayList<>();
    for (Entry e : entries.values()) {
      String hash = mapping.get(e.url());
      if (hash != null) {
        pages.add(new Page(e.url(), dir.resolve("html").resolve(hash + ".html.gz"), e.with(),
            e.without()));
      }
    }
    return pages;
  }

  /** The committed url-to-hash mapping. */
  static Map<String, String> mapping() throws IOException {
    InputStream in = Corpus.class.getResourceAsStream(MAPPING);
    if (in == null) {
      throw new IllegalStateException("no " + MAPPING + " on the class path; run CorpusMapper");
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0 && !line.startsWith("#")) {
          out.put(line.substring(0, tab), line.substring(tab + 1).trim());
        }
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
