package io.newsdelta.stories.stream;

import io.newsdelta.events.ArticleVersion;
import io.newsdelta.stories.similarity.Bands;
import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.similarity.MinHash;
import io.newsdelta.stories.similarity.Shingles;
import io.newsdelta.stories.similarity.Signature;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * First stage, by article id: forwards a notice of every version, and, for an article that is in no story yet
 * and long enough to compare, its entry under each of its band keys. A story's members are not banded again:
 * new stories are found by newcomers, and a member's later versions are changes of its story.
 */
final class SignProcessor implements Processor<String, ArticleVersion, String, StoryMessage> {
  private final MatchPolicy policy;
  private ProcessorContext<String, StoryMessage> context;
  private Membership membership;

  SignProcessor(MatchPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, StoryMessage> context) {
    this.context = context;
    ReadOnlyKeyValueStore<String, StoryRef> store = context.getStateStore(Membership.STORE);
    this.membership = new Membership(store);
  }

  @Override
  public void process(Record<String, ArticleVersion> record) {
    ArticleVersion v = record.value();
    if (v == null || record.key() == null || v.observedAt() == null) {
      return;
    }
    context.forward(record.withKey(v.articleId()).withValue(StoryMessage.notice(Member.of(v, null))));
    if (membership.storyOf(v.articleId()) != null) {
      return;
    }
    Signature signature = MinHash.signature(Shingles.of(texts(v)));
    if (!policy.groupable(signature)) {
      return;
    }
    StoryMessage band = StoryMessage.band(Member.of(v, signature.toBytes()));
    for (String key : Bands.keys(signature)) {
      context.forward(record.withKey(key).withValue(band));
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
