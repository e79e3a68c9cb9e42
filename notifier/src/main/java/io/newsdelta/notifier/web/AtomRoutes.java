package io.newsdelta.notifier.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.notifier.atom.ChangeFeed;
import io.newsdelta.notifier.diff.VersionDiff;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.view.Links;
import io.newsdelta.events.ArticleVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /atom}: the newest changes of everything, of one feed ({@code ?feed=}) or of one article ({@code ?id=}). */
final class AtomRoutes implements Routes {
  static final int ENTRIES = 50;

  private final HistoryView view;
  private final Templates templates;

  AtomRoutes(HistoryView view, Templates templates) {
    this.view = view;
    this.templates = templates;
  }

  @Override
  public void register(Javalin app) {
    app.get("/atom", this::atom);
  }

  private void atom(Context ctx) {
    String feed = ctx.queryParam("feed");
    String id = ctx.queryParam("id");
    String base = ctx.scheme() + "://" + ctx.host();
    List<ArticleChange> changes = view.store().latestChanges(id == null ? feed : null, id, ENTRIES);
    String key;
    String title;
    if (id != null) {
      key = "article:" + id;
      title = "Changes to " + view.store().article(id).map(a -> Links.titleOrUrl(a.title(), a.url())).orElse(id);
    } else if (feed != null) {
      key = "feed:" + feed;
      title = "Changes to the articles of " + feed;
    } else {
      key = "all";
      title = "newsdelta: every change";
    }
    String xml = ChangeFeed.atom(key, title, base + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
        changes, c -> base + Links.change(c), c -> content(base, c));
    ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
  }

  /** The diff of a change as HTML, from the versions in the store (its summary alone when they are missing). */
  private String content(String base, ArticleChange c) {
    Map<String, Object> params = new HashMap<>();
    params.put("link", base + Links.change(c));
    params.put("summary", c.summary());
    if (!Links.isEdit(c)) {
      // A removal, move or restoration changed no text: its summary says it all.
      params.put("diff", null);
      return templates.render("entry.jte", params);
    }
    Optional<ArticleVersion> from = view.store().version(c.articleId(), c.fromVersion());
    Optional<ArticleVersion> to = view.store().version(c.articleId(), c.toVersion());
    params.put("diff", from.isPresent() && to.isPresent() ? VersionDiff.between(from.get(), to.get()) : null);
    return templates.render("entry.jte", params);
  }
}
