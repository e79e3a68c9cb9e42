package io.newsdelta.stories.stream;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.stories.similarity.Bands;
import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.similarity.MinHash;
import io.newsdelta.stories.similarity.Shingles;
import io.newsdelta.stories.similarity.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * First stage, by article id: forwards a notice of every version, and, for an article that is in no story yet
 * and long enough to compare, its entry under each of its band keys. A story's members are not banded again:
 * new stories are found by newcomers, and a member's later versions are changes of its story.
 *
 * <p>A later version is compared in every band, but joins (rewrites) only the bands whose key it did not hold
 * before ({@link LastBanding}); once {@link #REJOIN} has passed since it last joined all of them it joins all
 * again, which keeps its entries inside the bands' {@link BandProcessor#WINDOW}. An edit changes few of the
 * {@value Bands#BANDS} keys, so it rewrites few band entries instead of all of them.
 */
final class SignProcessor implements Processor<String, ArticleVersion, String, StoryMessage> {
  /** The store of each article's {@link LastBanding}. */
  static final String STORE = "story-band-keys";

  static final Duration REJOIN = Duration.ofDays(1);

  private final MatchPolicy policy;
  private ProcessorContext<String, StoryMessage> context;
  private Membership membership;
  private KeyValueStore<String, LastBanding> banded;

  SignProcessor(MatchPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, StoryMessage> context) {
    this.context = context;
    ReadOnlyKeyValueStore<String, StoryRef> store = context.getStateStore(Membership.STORE);
    this.membership = new Membership(store);
    this.banded = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, ArticleVersion> record) {
    ArticleVersion v = record.value();
    if (v == null || record.key() == null || v.observedAt() == null) {
      return;
    }
    context.forward(record.withKey(v.articleId()).withValue(StoryMessage.notice(Member.of(v, null))));
    if (membership.storyOf(v.articleId()) != null) {
      if (banded.get(v.articleId()) != null) {
        banded.delete(v.articleId()); // banded no more: its keys are not needed
      }
      return;
    }
    Signature signature = MinHash.signature(Shingles.of(texts(v)));
    if (!policy.groupable(signature)) {
      return;
    }
    Member member = Member.of(v, signature.toBytes());
    List<String> keys = Bands.keys(signature);
    LastBanding last = banded.get(v.articleId());
    boolean rejoin = last == null || !v.observedAt().isBefore(last.joinedAt().plus(REJOIN));
    Set<String> held = rejoin ? Set.of() : new HashSet<>(last.keys());
    for (String key : keys) {
      StoryMessage band = held.contains(key) ? StoryMessage.compare(member) : StoryMessage.band(member);
      context.forward(record.withKey(key).withValue(band));
    }
    if (rejoin || !last.keys().equals(keys)) {
      banded.put(v.articleId(), new LastBanding(keys, rejoin ? v.observedAt() : last.joinedAt()));
    }
  }

  /** The text that is compared: headline, standfirst and body, in reading order. */
  static List<String> texts(ArticleVersion v) {
    List<String> texts = new ArrayList<>();
    texts.add(v.title());
    texts.add(v.standfirst());
    texts.addAll(v.paragraphs());
    return texts;
  }
}
