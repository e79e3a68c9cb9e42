package io.newsdelta.stories.stream;

import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.StoryEvent;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Third stage, by article id again: turns matches and notices into story events. A match of an article in no
 * story puts it in its candidate's story (a new one named after the candidate when the candidate was alone); a
 * match that links two stories merges them, the older keeping its id; a notice of a later version of a member is
 * a change of its story. The same match found in several bands is decided once.
 */
final class MemberProcessor implements Processor<String, StoryMessage, String, StoryEvent> {
  /** The article store's name. */
  static final String STORE = "story-articles";

  private static final Logger LOG = LoggerFactory.getLogger(MemberProcessor.class);
  private static final String SOURCE = "/newsdelta/stories";

  private ProcessorContext<String, StoryEvent> context;
  private KeyValueStore<String, ArticleStory> store;
  private Membership membership;

  @Override
  public void init(ProcessorContext<String, StoryEvent> context) {
    this.context = context;
    this.store = context.getStateStore(STORE);
    ReadOnlyKeyValueStore<String, StoryRef> global = context.getStateStore(Membership.STORE);
    this.membership = new Membership(global);
  }

  @Override
  public void process(Record<String, StoryMessage> record) {
    StoryMessage message = record.value();
    if (message == null || message.member() == null) {
      return;
    }
    Member m = message.member();
    ArticleStory state = store.get(m.articleId());
    if (state == null) {
      state = new ArticleStory(m.articleId(), null, m.firstSeen(), 0, null);
    }
    String current = state.storyId() != null ? membership.resolve(state.storyId()) : membership.storyOf(m.articleId());
    if (message.kind() == StoryMessage.Kind.NOTICE) {
      if (current != null && m.version() > state.version()) {
        emit(record, event(current, StoryEvent.MEMBER_CHANGED, m, state.firstSeen(), null, null,
            membership.members(current), null));
      }
      store.put(m.articleId(), state.withStory(current).withVersion(m.version()));
    } else if (message.kind() == StoryMessage.Kind.MATCH && !state.matched().contains(message.candidate().articleId())) {
      store.put(m.articleId(), state.withStory(match(record, m, state, current, message))
          .withVersion(m.version()).withMatched(message.candidate().articleId()));
    }
  }

  private String match(Record<String, StoryMessage> record, Member m, ArticleStory state, String current,
      StoryMessage message) {
    Member c = message.candidate();
    String candidateStory = membership.storyOf(c.articleId());
    double similarity = message.similarity();
    if (candidateStory == null) {
      // The candidate was alone: the story forms now (or it joins the newcomer's story).
      String story = current != null ? current : c.articleId();
      int members = membership.members(story);
      if (current == null) {
        emit(record, event(story, StoryEvent.MEMBER_ADDED, c, c.firstSeen(), null, null, ++members, null));
        emit(record, event(story, StoryEvent.MEMBER_ADDED, m, state.firstSeen(), similarity, c.articleId(),
            ++members, null));
      } else {
        emit(record, event(story, StoryEvent.MEMBER_ADDED, c, c.firstSeen(), similarity, m.articleId(),
            members + 1, null));
      }
      return story;
    }
    if (current == null) {
      emit(record, event(candidateStory, StoryEvent.MEMBER_ADDED, m, state.firstSeen(), similarity,
          c.articleId(), membership.members(candidateStory) + 1, null));
      return candidateStory;
    }
    if (current.equals(candidateStory)) {
      return current;
    }
    String winner = older(current, candidateStory) ? current : candidateStory;
    String loser = winner.equals(current) ? candidateStory : current;
    LOG.info("Stories {} and {} are one: {} joins {}", winner, loser, loser, winner);
    emit(record, event(winner, StoryEvent.STORIES_MERGED, m, state.firstSeen(), similarity, c.articleId(),
        membership.members(winner) + membership.members(loser), loser));
    return winner;
  }

  /** Whether story {@code a} started before {@code b} (unknown starts last; ties by id, so all agree). */
  private boolean older(String a, String b) {
    Instant sa = membership.startedAt(a);
    Instant sb = membership.startedAt(b);
    if (sa != null && sb != null && !sa.equals(sb)) {
      return sa.isBefore(sb);
    }
    if (sa == null != (sb == null)) {
      return sa != null;
    }
    return a.compareTo(b) < 0;
  }

  private static StoryEvent event(String story, String kind, Member m, Instant firstSeen, Double similarity,
      String matched, int members, String merged) {
    return new StoryEvent(story, kind, m.articleId(), m.url(), m.host(), m.title(), m.version(), m.observedAt(),
        firstSeen == null ? m.firstSeen() : firstSeen, similarity, matched, members, merged);
  }

  private void emit(Record<String, StoryMessage> input, StoryEvent e) {
    RecordHeaders headers = new RecordHeaders();
    CloudEvents.addHeaders(headers, e.eventId(), CloudEvents.TYPE_STORY, SOURCE);
    context.forward(new Record<>(e.storyId(), e, input.timestamp(), headers));
    LOG.info("Story {}: {} {} ({}, version {})", e.storyId(), e.kind(), e.articleId(), e.host(), e.version());
  }
}
