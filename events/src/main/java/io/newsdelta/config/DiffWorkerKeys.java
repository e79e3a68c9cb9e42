package io.newsdelta.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The {@code diff-worker.*} and {@code extract.sites} keys and how they make {@link DiffWorkerConfig}. */
public final class DiffWorkerKeys {
  private static final Pattern GENERATION = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");

  public static final Key<Integer> THREADS = Key.of("diff-worker.threads", Type.integer(1, 64), 1,
      "Kafka Streams threads of this instance");
  public static final Key<Path> STATE_DIR = Key.of("diff-worker.state-dir", Type.path(),
      Path.of("./data/diff-worker"), "local copy of the per-article state (restored from Kafka when lost)");
  public static final Key<String> TOPIC_GENERATION = Key.of("diff-worker.topic-generation",
      Type.text("empty (the original topics) or up to 20 lower-case letters, digits and dashes, such as g2",
          g -> g.isEmpty() || GENERATION.matcher(g).matches()), "",
      "which generation of the versions and changes topics the worker writes (and the notifier reads): empty for "
          + "`newsdelta.article-versions` / `newsdelta.article-changes`, `g2` for the `.g2` topics made by "
          + "`replay --generation g2`; each generation has its own Streams application id "
          + "(`newsdelta-diff-worker.g2`), so the worker continues from the replay's state");
  public static final Key<Duration> APPEND_ONLY_PERIOD = Key.of("diff-worker.append-only-period", Type.duration(),
      DiffWorkerConfig.DEFAULT_APPEND_ONLY_PERIOD, "updates that only add paragraphs (live blogs) are announced at "
          + "most once per period per article, one change listing every addition since the last");
  public static final Key<Duration> COMMIT_INTERVAL = Key.of("diff-worker.commit-interval",
      Type.duration(), DiffWorkerConfig.DEFAULT_COMMIT_INTERVAL,
      "how often the worker commits its transaction: versions and changes become readable (and alerts go out) at "
          + "each commit, so this adds up to its length to every alert; 1s spends about a third less broker CPU "
          + "per raw version (docs/benchmarks.md, Diff worker)");
  public static final Key<List<SiteRule>> EXTRACT_SITES = Key.of("extract.sites",
      Type.structured("a list of {host, body, title, drop}", Type.Env.JSON, DiffWorkerKeys::siteRules), List.of(),
      "per-host extraction rules `{host, body, title, drop}` (CSS selectors) overriding the generic extractor; "
          + "see docs/extraction.md");

  /** In the order of the README table. */
  public static final List<Key<?>> ALL = List.of(THREADS, STATE_DIR, TOPIC_GENERATION, APPEND_ONLY_PERIOD,
      COMMIT_INTERVAL, EXTRACT_SITES);

  private DiffWorkerKeys() {}

  static DiffWorkerConfig bind(ConfigTree v) {
    return new DiffWorkerConfig(v.get(THREADS), v.get(STATE_DIR), v.get(EXTRACT_SITES), v.get(APPEND_ONLY_PERIOD),
        v.get(TOPIC_GENERATION), v.get(COMMIT_INTERVAL));
  }

  private static List<SiteRule> siteRules(String path, JsonNode sites, ConfigTree v) {
    if (!sites.isArray()) {
      throw ConfigException.badValue(path, sites, EXTRACT_SITES.type().allowed());
    }
    List<SiteRule> result = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      JsonNode item = sites.get(i);
      String key = path + "[" + i + "]";
      if (!item.isObject() || !item.hasNonNull("host")) {
        throw ConfigException.badValue(key, item, "a mapping with host and at least one of body, title, drop");
      }
      IngestKeys.checkFields(item, key, List.of("host", "body", "title", "drop"));
      List<String> drop = new ArrayList<>();
      JsonNode dropNode = item.get("drop");
      if (dropNode != null && dropNode.isArray()) {
        dropNode.forEach(d -> drop.add(d.asText()));
      } else if (dropNode != null && dropNode.isTextual()) {
        drop.add(dropNode.asText());
      }
      result.add(new SiteRule(item.get("host").asText().toLowerCase(Locale.ROOT),
          item.hasNonNull("body") ? item.get("body").asText() : null,
          item.hasNonNull("title") ? item.get("title").asText() : null,
          drop));
    }
    return result;
  }
}
