package io.newsdelta.diffworker.stream;

import io.newsdelta.extract.ArticleExtractor;
import io.newsdelta.diffworker.version.ArticleState;
import io.newsdelta.diffworker.version.ArticleText;
import io.newsdelta.diffworker.version.Lifecycles;
import io.newsdelta.diffworker.version.Observation;
import io.newsdelta.diffworker.version.Versioner;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.RawVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Extracts each raw version (or takes the text ingest extracted with the same extractor), asks {@link Versioner} whether its text is new, and if so stores the new state
 * and forwards the version (and the changes to announce). A punctuator announces held live-blog additions
 * once they are due. Runs inside a Streams task, so the state updates and the outputs commit together or not
 * at all.
 */
final class DiffProcessor implements Processor<String, RawVersion, String, Object> {
  private static final Logger LOG = LoggerFactory.getLogger(DiffProcessor.class);
  private static final String SOURCE = "/newsdelta/diff-worker";
  /** The identities of carried texts this process has said it extracts again. */
  private static final Set<String> FOREIGN_TEXTS = ConcurrentHashMap.newKeySet();

  private final ArticleExtractor extractor;
  private final DiffTopology.Options options;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, ArticleState> store;
  private KeyValueStore<String, Long> held;

  DiffProcessor(ArticleExtractor extractor, DiffTopology.Options options) {
    this.extractor = extractor;
    this.options = options;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(DiffTopology.STORE);
    this.held = context.getStateStore(DiffTopology.HELD_STORE);
    context.schedule(options.releaseCheck(), options.releaseClock(), this::releaseDue);
  }

  @Override
  public void process(Record<String, RawVersion> record) {
    RawVersion raw = record.value();
    if (raw == null || record.key() == null) {
      return;
    }
    MDC.put("articleId", record.key());
    try {
      if (raw.lifecycle() != null && !lifecycle(record.key(), record.timestamp(), raw)) {
        return;
      }
      ArticleText text = extract(raw);
      if (text == null) {
        return;
      }
      ArticleState before = store.get(record.key());
      Observation observation =
          Versioner.observe(before, record.key(), raw.url(), raw.fetchedAt(), text, options.policy());
      keep(record.key(), before, observation.state());
      if (!observation.isNewVersion()) {
        LOG.debug("No text change in {} fetched at {}", raw.url(), raw.fetchedAt());
        return;
      }
      forward(record.key(), record.timestamp(), observation.version());
      for (ArticleChange change : observation.changes()) {
        forward(record.key(), record.timestamp(), change);
      }
    } finally {
      MDC.remove("articleId");
    }
  }

  /**
   * Announces a removal, move or restoration (once: the state knows what is announced).
   *
   * @return whether the event also carries a page to version (a restoration with the page answered again)
   */
  private boolean lifecycle(String key, long timestamp, RawVersion raw) {
    ArticleState before = store.get(key);
    Observation observation = Lifecycles.observe(before, raw);
    keep(key, before, observation.state());
    for (ArticleChange change : observation.changes()) {
      forward(key, timestamp, change);
    }
    if (observation.changes().isEmpty()) {
      LOG.debug("Lifecycle event {} of {} announces nothing new", raw.lifecycle().kind(), key);
    }
    return raw.httpStatus() >= 200 && raw.httpStatus() <= 299 && raw.body() != null && !raw.body().isEmpty();
  }

  /** Stores the new state (when it changed) and keeps the index of held articles in step with it. */
  private void keep(String key, ArticleState before, ArticleState after) {
    if (after == before) {
      return;
    }
    store.put(key, after);
    boolean wasHolding = before != null && before.holding();
    if (after.holding() && !wasHolding) {
      held.put(key, Versioner.dueAt(after, options.policy()).toEpochMilli());
    } else if (!after.holding() && wasHolding) {
      held.delete(key);
    }
  }

  /** Announces the held live-blog additions whose period has passed by {@code timestamp}. */
  private void releaseDue(long timestamp) {
    List<String> due = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = held.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> next = it.next();
        if (next.value <= timestamp) {
          due.add(next.key);
        }
      }
    }
    for (String key : due) {
      ArticleState before = store.get(key);
      Observation released = Versioner.release(before, Instant.ofEpochMilli(timestamp), options.policy());
      if (before == null) {
        held.delete(key);
        continue;
      }
      keep(key, before, released.state());
      for (ArticleChange change : released.changes()) {
        forward(key, timestamp, change);
      }
    }
  }

  private ArticleText extract(RawVersion raw) {
    if (raw.httpStatus() < 200 || raw.httpStatus() > 299 || raw.body() == null) {
      LOG.warn("Skipping {}: HTTP status {} is not a page to extract", raw.url(), raw.httpStatus());
      return null;
    }
    RawVersion.Text text = raw.text();
    boolean taken = options.carriedText() && text != null && extractor.identity().equals(text.extractor());
    if (!taken) {
      if (options.carriedText() && text != null) {
        foreign(text.extractor());
      }
      try {
        text = extractor.carried(extractor.extract(raw.body(), raw.url()));
      } catch (RuntimeException e) {
        LOG.error("Extractor failed on {}; the version is skipped. Please report this page as a bug.", raw.url(), e);
        return null;
      }
    }
    if (text.paragraphs().isEmpty()) {
      LOG.warn(
          "No article text in {}: {}. If this page is an article, add an extract.sites rule for its host.",
          raw.url(), text.emptyReason());
      return null;
    }
    return new ArticleText(text.title(), text.standfirst(), text.byline(), text.paragraphs());
  }

  /** Says once per process and identity (16 at most) that texts of another extractor are extracted again. */
  private void foreign(String identity) {
    if (FOREIGN_TEXTS.size() < 16 && FOREIGN_TEXTS.add(String.valueOf(identity))) {
      LOG.warn("Raw versions carry text read by extractor {}, and this worker's is {}: it extracts those pages again."
          + " That is expected while ingest and the diff worker run different releases. Otherwise give ingest the"
          + " worker's extract.sites rules, so that each page is extracted once.", identity, extractor.identity());
    }
  }

  private void forward(String key, long timestamp, ArticleVersion version) {
    RecordHeaders headers = new RecordHeaders();
    CloudEvents.addHeaders(
        headers, version.articleId() + "#" + version.version(), CloudEvents.TYPE_ARTICLE_VERSION, SOURCE);
    context.forward(new Record<String, Object>(key, version, timestamp, headers), DiffTopology.VERSIONS_SINK);
    LOG.info("Version {} of {} ({})", version.version(), version.articleId(), version.title());
  }

  private void forward(String key, long timestamp, ArticleChange change) {
    RecordHeaders headers = new RecordHeaders();
    CloudEvents.addHeaders(headers, change.changeId(), CloudEvents.TYPE_ARTICLE_CHANGE, SOURCE);
    context.forward(new Record<String, Object>(key, change, timestamp, headers), DiffTopology.CHANGES_SINK);
    LOG.info("Change {}: {}", change.changeId(), change.summary());
  }
}
