package io.newsdelta.bench.worker;

import io.newsdelta.bench.Corpus;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
import io.newsdelta.extract.ArticleExtractor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload both measurements share: every corpus page of 100–300 KB as one article, fetched
 * {@value #VERSIONS} times, each fetch with one more word changed in the page ("the" becomes "the updated"),
 * as a re-fetched article whose text was edited. Versions of one article are consecutive in the list only per
 * article, interleaved round-robin across articles, as ingest's re-checks would be.
 */
public final class RawVersions {
  /** Fetches per article. */
  public static final int VERSIONS = 3;
  static final int MIN_BYTES = 100 * 1024;
  static final int MAX_BYTES = 300 * 1024;

  private RawVersions() {}

  /** The raw versions, round-robin over the articles. */
  public static List<RawVersion> of(Path corpus) throws IOException {
    List<String[]> pages = new ArrayList<>();
    for (Corpus.Page page : Corpus.pages(corpus)) {
      byte[] bytes = page.bytes();
      if (bytes.length >= MIN_BYTES && bytes.length <= MAX_BYTES) {
        pages.add(new String[] {page.url(), new String(bytes, StandardCharsets.UTF_8)});
      }
    }
    List<RawVersion> out = new ArrayList<>();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int v = 0; v < VERSIONS; v++) {
      for (int i = 0; i < pages.size(); i++) {
        String url = pages.get(i)[0];
        String html = edited(pages.get(i)[1], v);
        out.add(new RawVersion(url, url, "https://bench.example/rss", t0.plusSeconds(600L * v + i), 200,
            "text/html; charset=utf-8", Hashes.sha256(html), html));
      }
    }
    return out;
  }

  /**
   * The same raw versions carrying their text as ingest sends it (extracted by the generic extractor, named by its
   * identity), so the worker takes it instead of extracting the page again.
   */
  public static List<RawVersion> withCarriedText(List<RawVersion> raws) {
    ArticleExtractor extractor = ArticleExtractor.generic();
    List<RawVersion> out = new ArrayList<>(raws.size());
    for (RawVersion raw : raws) {
      out.add(raw.withText(extractor.carried(extractor.extract(raw.body(), raw.url()))));
    }
    return out;
  }

  private static String edited(String html, int edits) {
    String out = html;
    for (int e = 0; e < edits; e++) {
      out = out.replaceFirst(" the (?!updated)", " the updated ");
    }
    return out;
  }
}
