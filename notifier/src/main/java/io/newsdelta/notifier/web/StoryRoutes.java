package io.newsdelta.notifier.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsdelta.diff.Elapsed;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.view.Pages;
import io.newsdelta.stories.view.StoryPage;
import io.newsdelta.stories.view.StoryView;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /story?id=STORY} and {@code /story?article=ARTICLE}: one story across outlets, its members side by side
 * with their headlines, first-seen times, version counts and what each outlet changed and when; the same as
 * JSON at {@code /api/story}. Read from the stories job's topic ({@link StoryView}).
 */
public final class StoryRoutes implements Routes {
  private final Supplier<Optional<StoryView>> view;
  private final Templates templates = new Templates();

  /** The page model of a story. */
  public record StoryModel(StoryPage story, List<MemberModel> members) {
    public String headline() {
      return members.isEmpty() ? story.storyId() : Optional.ofNullable(members.get(0).member().title())
          .orElse(story.storyId());
    }
  }

  /** A member, with how long after the story's start it appeared ("40 minutes later"). */
  public record MemberModel(StoryPage.Member member, String later) {
    public String similarity() {
      return String.format(Locale.ROOT, "%.2f", member.similarity());
    }
  }

  /** @param view the stories read model, empty until it runs */
  public StoryRoutes(Supplier<Optional<StoryView>> view) {
    this.view = view;
  }

  @Override
  public void register(Javalin app) {
    app.get("/story", ctx -> {
      Optional<StoryPage> story = find(ctx);
      if (story.isEmpty()) {
        ctx.status(404).contentType(WebServer.HTML).result(templates.page("message.jte", new Pages.Message(
            "No story", "This article is not part of a story told by several outlets (yet), or the story is unknown.")));
        return;
      }
      ctx.contentType(WebServer.HTML).result(templates.page("story.jte", model(story.get())));
    });
    app.get("/api/story", ctx -> {
      Optional<StoryPage> story = find(ctx);
      if (story.isEmpty()) {
        ctx.status(404).contentType("application/json").result("{\"error\":\"no such story\"}");
        return;
      }
      ctx.contentType("application/json").result(Json.write(story.get()));
    });
  }

  private Optional<StoryPage> find(Context ctx) {
    Optional<StoryView> stories = view.get();
    if (stories.isEmpty()) {
      return Optional.empty();
    }
    String id = ctx.queryParam("id");
    if (id == null && ctx.queryParam("article") != null) {
      id = stories.get().storyOf(ctx.queryParam("article")).orElse(null);
    }
    return id == null ? Optional.empty() : stories.get().story(id);
  }

  static StoryModel model(StoryPage story) {
    List<MemberModel> members = story.members().stream()
        .map(m -> new MemberModel(m, m.firstSeen() == null || story.startedAt() == null
            || !m.firstSeen().isAfter(story.startedAt()) ? null
            : Elapsed.later(Duration.between(story.startedAt(), m.firstSeen()))))
        .toList();
    return new StoryModel(story, members);
  }
}
