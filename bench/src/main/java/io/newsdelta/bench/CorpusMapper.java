package io.newsdelta.bench;

import io.newsdelta.extract.CharsetSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Builds the url-to-file mapping of the corpus, whose file names are opaque hashes. A page is joined
 * to an entry by, first, its declared URL ({@code link rel=canonical}, {@code og:url}) equal to the
 * entry URL ignoring scheme, {@code www.} and a trailing slash; otherwise by the entry whose "with"
 * snippets occur most often in the page text (at least one, and more than for any other page).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.newsdelta.bench.CorpusMapper CORPUS_DIR
 * OUT.tsv}
 */
public final class CorpusMapper {

  private CorpusMapper() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Map<String, String> mapping = map(dir);
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      out.println("# url<TAB>html file hash, built by io.newsdelta.bench.CorpusMapper");
      mapping.forEach((url, hash) -> out.println(url + "\t" + hash));
    }
    System.out.printf("mapped %d of %d entries%n", mapping.size(), Corpus.entries(dir).size());
  }

  /** Computes the mapping for the corpus in {@code dir}. */
  static Map<String, String> map(Path dir) throws IOException {
    Map<String, Corpus.Entry> entries = Corpus.entries(dir);
    Map<String, String> byKey = new HashMap<>();
    entries.keySet().forEach(u -> byKey.put(key(u), u));
    Map<String, String> mapping = new TreeMap<>();
    Map<String, String> leftTexts = new HashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir.resolve("html"))) {
      files = s.filter(p -> p.toString().endsWith(".html.gz")).sorted().toList();
    }
    for (Path file : files) {
      String hash = file.getFileName().toString().replace(".html.gz", "");
      Document doc;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        // Decoded as ingest decodes pages, so the texts matched here are the texts the extractor gets.
        doc = Jsoup.parse(CharsetSniffer.decode(in.readAllBytes(), null), "");
      }
      String url = null;
      for (Element el : doc.select("link[rel=canonical], meta[property=og:url]")) {
        String candidate = byKey.get(key(el.hasAttr("href") ? el.attr("href") : el.attr("content")));
        if (candidate != null && !mapping.containsKey(candidate)) {
          url = candidate;
          break;
        }
      }
      if (url != null) {
        mapping.put(url, hash);
      } else {
        leftTexts.put(hash, collapse(doc.text()));
      }
    }
    Set<String> used = new HashSet<>(mapping.values());
    List<Corpus.Entry> left = new ArrayList<>();
    entries.values().stream().filter(e -> !mapping.containsKey(e.url())).forEach(left::add);
    for (Corpus.Entry e : left) {
      String best = null;
      int bestHits = 0;
      for (Map.Entry<String, String> page : leftTexts.entrySet()) {
        if (used.contains(page.getKey())) {
          continue;
        }
        int hits = 0;
        for (String snippet : e.with()) {
          if (page.getValue().contains(collapse(snippet))) {
            hits++;
          }
        }
        if (hits > bestHits) {
          bestHits = hits;
          best = page.getKey();
        }
      }
      if (best != null) {
        mapping.put(e.url(), best);
        used.add(best);
      }
    }
    return mapping;
  }

  private static String key(String url) {
    String u = url.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "")
        .replaceFirst("^www\\.", "");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  private static String collapse(String s) {
    return s.replaceAll("[\\s\\u00A0]+", " ").trim();
  }
}
