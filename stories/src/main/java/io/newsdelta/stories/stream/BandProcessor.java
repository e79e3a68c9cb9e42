package io.newsdelta.stories.stream;

import io.newsdelta.stories.similarity.MatchPolicy;
import io.newsdelta.stories.similarity.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Second stage, by band key: compares the newcomer's whole signature with every earlier member of the band,
 * forwards each one the policy accepts as a match keyed by the newcomer, then joins the band. A band keeps its
 * {@value #MAX_MEMBERS} newest members seen within {@link #WINDOW}: a story is retold within days, and a key
 * shared by many articles (a stock phrase) must not grow without bound. A newcomer sent only to compare
 * ({@link StoryMessage#compareOnly()}) leaves the entry as it is while the band still holds its article.
 */
final class BandProcessor implements Processor<String, StoryMessage, String, StoryMessage> {
  /** The band store's name. */
  static final String STORE = "story-bands";

  static final int MAX_MEMBERS = 32;
  static final Duration WINDOW = Duration.ofDays(30);

  private final MatchPolicy policy;
  private ProcessorContext<String, StoryMessage> context;
  private KeyValueStore<String, BandMembers> store;

  BandProcessor(MatchPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, StoryMessage> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, StoryMessage> record) {
    StoryMessage message = record.value();
    if (message == null || message.kind() != StoryMessage.Kind.BAND || message.member().signature() == null) {
      return;
    }
    Member newcomer = message.member();
    Signature signature = Signature.fromBytes(newcomer.signature());
    BandMembers band = store.get(record.key());
    List<Member> kept = new ArrayList<>();
    java.time.Instant since = newcomer.observedAt().minus(WINDOW);
    boolean held = false;
    for (Member m : band == null ? List.<Member>of() : band.members()) {
      if (m.articleId().equals(newcomer.articleId())) {
        newcomer = newcomer.withFirstSeen(m.firstSeen()); // an earlier version of the same article
        held = true;
        continue;
      }
      if (m.observedAt().isBefore(since)) {
        continue;
      }
      kept.add(m);
      double similarity = signature.similarity(Signature.fromBytes(m.signature()));
      if (policy.sameStory(similarity, m.host().equals(newcomer.host()))) {
        context.forward(
            record.withKey(newcomer.articleId())
                .withValue(StoryMessage.match(newcomer.withoutSignature(), m.withoutSignature(), similarity)));
      }
    }
    if (held && message.compareOnly()) {
      return;
    }
    kept.add(newcomer);
    kept.sort(Comparator.comparing(Member::observedAt));
    if (kept.size() > MAX_MEMBERS) {
      kept = kept.subList(kept.size() - MAX_MEMBERS, kept.size());
    }
    store.put(record.key(), new BandMembers(kept));
  }
}
