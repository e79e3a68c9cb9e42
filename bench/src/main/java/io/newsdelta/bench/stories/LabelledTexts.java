package io.newsdelta.bench.stories;

import io.newsdelta.bench.Corpus;
import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.extract.ExtractedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts the labelled set refers to: {@code seed:NAME} is a file of the stories module's test resources
 * (headline, then one paragraph per line), {@code corpus:KEY} a page of the trafilatura corpus, extracted by the
 * project's extractor as the diff worker would.
 */
final class LabelledTexts {
  private final Path seeds;
  private final Map<String, Corpus.Page> corpus = new HashMap<>();
  private final Map<String, List<String>> cache = new HashMap<>();
  private final ArticleExtractor extractor = ArticleExtractor.generic();

  LabelledTexts(Path project, Path corpusDir) throws IOException {
    this.seeds = project.resolve("stories/src/test/resources/seed");
    for (Corpus.Page p : Corpus.pages(corpusDir)) {
      corpus.put(p.url(), p);
    }
  }

  /** All corpus pages, by entry key. */
  Map<String, Corpus.Page> corpus() {
    return corpus;
  }

  /** The extracted texts ({@link #extract}) of the corpus pages with more than {@code lines} lines. */
  List<List<String>> pages(int lines) {
    List<List<String>> pages = new ArrayList<>();
    for (Corpus.Page p : corpus.values()) {
      List<String> t = extract(p);
      if (t.size() > lines) {
        pages.add(t);
      }
    }
    return pages;
  }

  /** Headline, standfirst and paragraphs of a reference. */
  List<String> text(String ref) throws IOException {
    List<String> cached = cache.get(ref);
    if (cached != null) {
      return cached;
    }
    List<String> text;
    if (ref.startsWith("seed:")) {
      text = Files.readAllLines(seeds.resolve(ref.substring(5) + ".txt")).stream().filter(l -> !l.isBlank()).toList();
    } else if (ref.startsWith("corpus:")) {
      Corpus.Page page = corpus.get(ref.substring(7));
      if (page == null) {
        throw new IllegalArgumentException("no corpus page " + ref + " (is the mapping up to date?)");
      }
      text = extract(page);
    } else {
      throw new IllegalArgumentException("a reference is seed:NAME or corpus:KEY, not " + ref);
    }
    cache.put(ref, text);
    return text;
  }

  List<String> extract(Corpus.Page page) {
    ExtractedArticle a = extractor.extract(page.bytes(), "text/html", page.url());
    List<String> t = new ArrayList<>();
    t.add(a.title());
    t.add(a.standfirst());
    t.addAll(a.paragraphs());
    return t;
  }
}
