package io.newsdelta.extract;

import io.newsdelta.config.SiteRule;
import io.newsdelta.events.Hashes;
import io.newsdelta.events.RawVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the article from a news page: headline, metadata and the body as normalised paragraphs.
 *
 * <p>The body comes from, in order: a matching {@link SiteRule} body selector; the element marked
 * {@code itemprop=articleBody}; generic content scoring ({@link ContentScorer}); and, when the page
 * renders too little text, the JSON-LD {@code articleBody}. Instances are immutable and thread-safe.
 */
public final class ArticleExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(ArticleExtractor.class);
  /**
   * Default size cap for {@link #extract(byte[], String, String)}; the same as the default of {@code
   * ingest.max-page-bytes}. Callers that read pages themselves pass that setting to {@link #withMaxBytes},
   * so a page ingest would refuse is refused here too.
   */
  public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
  private static final int MIN_BODY_CHARS = 80;

  private final SiteRules rules;
  private final int maxBytes;
  private final String identity;

  private ArticleExtractor(List<SiteRule> rules, int maxBytes) {
    this.rules = new SiteRules(rules);
    this.maxBytes = maxBytes;
    this.identity = rules.isEmpty()
        ? ExtractorVersion.CURRENT
        : ExtractorVersion.CURRENT + "+rules:" + Hashes.sha256(rules.toString()).substring(0, 12);
  }

  /**
   * Which texts this extractor produces: {@link ExtractorVersion#CURRENT}, and a digest of the site rules when there
   * are any. Two extractors with equal identities give every page the same text (the size cap aside), so a text one
   * of them extracted can stand for the other's: ingest sends the text it extracted with this identity, and the diff
   * worker uses it when its own identity is the same.
   */
  public String identity() {
    return identity;
  }

  /**
   * {@code article}, extracted by this extractor, as a raw version carries it: named by {@link #identity()}, so a
   * reader with an extractor of the same identity can take it instead of extracting the page again.
   */
  public RawVersion.Text carried(ExtractedArticle article) {
    return new RawVersion.Text(identity, article.title(), article.standfirst(), article.byline(), article.paragraphs(),
        article.emptyReason());
  }

  /** An extractor with no site rules. */
  public static ArticleExtractor generic() {
    return new ArticleExtractor(List.of(), DEFAULT_MAX_BYTES);
  }

  /** An extractor that applies {@code rules} to their hosts and the generic heuristics elsewhere. */
  public static ArticleExtractor withRules(List<SiteRule> rules) {
    Objects.requireNonNull(rules, "rules");
    return new ArticleExtractor(rules, DEFAULT_MAX_BYTES);
  }

  /**
   * A copy of this extractor that refuses pages larger than {@code maxBytes}, normally {@code
   * ingest.max-page-bytes} (the {@code extract} command does this for files, as ingest does for fetches).
   */
  public ArticleExtractor withMaxBytes(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    return new ArticleExtractor(rules.all(), maxBytes);
  }

  /**
   * Extracts from bytes as fetched: exactly {@link CharsetSniffer#decode} (charset from the Content-Type
   * header, which may be null, else a byte order mark, else {@code <meta charset>}, else UTF-8) followed
   * by {@link #extract(String, String)}, the path the pipeline runs (ingest decodes, the worker
   * extracts). A body over the size cap gives an empty result with reason "page is N bytes, over the
   * limit of M".
   */
  public ExtractedArticle extract(byte[] body, String contentType, String url) {
    if (body == null || body.length == 0) {
      return ExtractedArticle.empty(url, "page is empty");
    }
    if (body.length > maxBytes) {
      return ExtractedArticle.empty(url,
          "page is " + body.length + " bytes, over the limit of " + maxBytes);
    }
    return extract(CharsetSniffer.decode(body, contentType), url);
  }

  /**
   * Extracts from page text as carried by a raw version. Bad HTML is not an error (jsoup parses any
   * text, as a browser does): a page with no article gives empty paragraphs and a reason. An exception
   * from here is a bug in the extractor and is not hidden as an empty result; the diff worker skips
   * such a version and logs the page to report.
   */
  public ExtractedArticle extract(String html, String url) {
    if (html == null || html.isBlank()) {
      return ExtractedArticle.empty(url, "page is empty");
    }
    return extractDocument(Jsoup.parse(html, url == null ? "" : url), url);
  }

  private ExtractedArticle extractDocument(Document doc, String url) {
    PageMetadata meta = MetadataReader.read(doc, url);
    // A page saved to a file has no web address of its own; its canonical URL still names its site. A page
    // fetched from the web keeps the rule of the host it came from (a syndicated copy has that host's layout).
    boolean fromWeb = url != null && (url.startsWith("http://") || url.startsWith("https://"));
    Optional<SiteRule> rule =
        fromWeb || meta.canonicalUrl() == null ? rules.forUrl(url) : rules.forUrl(meta.canonicalUrl());
    String title = rule.map(r -> ruleTitle(doc, r)).orElse(null);
    if (title == null) {
      title = meta.title();
    }
    Element body = doc.body();
    Cleaner.clean(body, rule.map(SiteRule::drop).orElse(List.of()));
    TextStats stats = TextStats.of(body);

    List<String> paragraphs = List.of();
    String method = null;
    if (rule.isPresent() && rule.get().body() != null) {
      List<Element> roots = select(body, rule.get().body());
      paragraphs = BlockCollector.collect(roots, stats);
      method = "site-rule:" + rule.get().host();
    }
    if (method == null) {
      List<Element> declared = declaredBodies(body);
      int declaredText = 0;
      for (Element el : declared) {
        declaredText += stats.get(el).text;
      }
      if (declaredText >= MIN_BODY_CHARS) {
        paragraphs = BlockCollector.collect(Containers.withLead(declared, stats), stats);
        method = "schema.org itemprop articleBody";
      }
    }
    if (method == null) {
      List<Element> named = Containers.find(body, stats);
      if (!named.isEmpty()) {
        paragraphs = BlockCollector.collect(Containers.withLead(named, stats), stats);
        method = "named: " + ContentScorer.describe(named.get(0));
      }
    }
    if (method == null) {
      ContentScorer.Choice choice = ContentScorer.choose(body, stats);
      List<Element> roots =
          choice.top() == body ? choice.roots() : Containers.withLead(choice.roots(), stats);
      paragraphs = BlockCollector.collect(roots, stats);
      method = "scored: " + ContentScorer.describe(choice.top());
    }
    paragraphs = Edges.trim(dropTitle(paragraphs, title));
    String jsonBody = meta.jsonLdBody();
    if (jsonBody != null && !method.startsWith("site-rule")
        && length(paragraphs) < jsonBody.length() / 2) {
      paragraphs = splitPlainText(jsonBody);
      method = "schema.org articleBody";
    }
    String reason = null;
    if (length(paragraphs) < MIN_BODY_CHARS) {
      reason = paragraphs.isEmpty() ? "no article text found (" + method + ")"
          : "too little text for an article (" + method + ")";
      paragraphs = List.of();
    }
    return new ExtractedArticle(title, meta.standfirst(), meta.byline(), meta.publishedAt(),
        meta.modifiedAt(), meta.language(), meta.canonicalUrl(), paragraphs, method, reason);
  }

  /**
   * Every outermost {@code itemprop=articleBody} element in document order: some sites mark each
   * paragraph of the story rather than its container, and taking only the first kept one paragraph.
   */
  private static List<Element> declaredBodies(Element body) {
    List<Element> out = new ArrayList<>();
    for (Element el : body.select("[itemprop=articleBody]")) {
      if (out.isEmpty() || !isInside(el, out.get(out.size() - 1))) {
        out.add(el);
      }
    }
    return out;
  }

  private static boolean isInside(Element el, Element container) {
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (e == container) {
        return true;
      }
    }
    return false;
  }

  private static String ruleTitle(Document doc, SiteRule rule) {
    if (rule.title() == null) {
      return null;
    }
    List<Element> found = select(doc, rule.title());
    return found.isEmpty() ? null : TextNormalizer.normalize(found.get(0).text());
  }

  private static List<Element> select(Element root, String selector) {
    try {
      return root.select(selector);
    } catch (Selector.SelectorParseException e) {
      LOG.warn("Site rule selector '{}' is invalid: {}", selector, e.getMessage());
      return List.of();
    }
  }

  private static List<String> dropTitle(List<String> paragraphs, String title) {
    if (title == null || paragraphs.isEmpty()) {
      return paragraphs;
    }
    List<String> out = new ArrayList<>(paragraphs);
    for (int i = 0; i < Math.min(3, out.size()); i++) {
      if (out.get(i).equals(title)) {
        out.remove(i);
        break;
      }
    }
    return out;
  }

  private static List<String> splitPlainText(String text) {
    List<String> out = new ArrayList<>();
    for (String line : Jsoup.parse(text).wholeText().split("\\n\\s*")) {
      String p = TextNormalizer.normalize(line);
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private static int length(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }
}
