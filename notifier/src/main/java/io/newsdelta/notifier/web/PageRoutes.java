package io.newsdelta.notifier.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsdelta.config.Durations;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.view.Pages;
import java.time.Duration;
import java.util.Optional;

/** The HTML pages (paths pinned in the design: {@code /}, {@code /article}, {@code /diff}, …). */
final class PageRoutes implements Routes {
  private final HistoryView view;
  private final Templates templates;

  PageRoutes(HistoryView view, Templates templates) {
    this.view = view;
    this.templates = templates;
  }

  @Override
  public void register(Javalin app) {
    app.get("/", ctx -> ctx.contentType(WebServer.HTML).result(templates.page("index.jte",
        view.index(ctx.queryParam("feed"), Params.number(ctx, "page", 1, 1, 100_000)))));
    app.get("/article", ctx -> {
      String id = Params.text(ctx, "id");
      render(ctx, "article.jte", view.article(id), "Article not found",
          "No versions are known for " + id + ". It may not have been seen in a feed yet.");
    });
    app.get("/diff", ctx -> {
      String id = Params.text(ctx, "id");
      int from = Params.number(ctx, "from", 1, 1, Integer.MAX_VALUE);
      int to = Params.number(ctx, "to", from + 1, 1, Integer.MAX_VALUE);
      boolean side = "side".equals(ctx.queryParam("view"));
      render(ctx, "diff.jte", view.diff(id, from, to, side), "Versions not found",
          "The article " + id + " has no versions " + from + " and " + to + ".");
    });
    app.get("/search", ctx -> ctx.contentType(WebServer.HTML).result(templates.page("search.jte",
        view.search(ctx.queryParam("q"), Params.number(ctx, "page", 1, 1, 10_000)))));
    app.get("/most-revised", ctx -> {
      String period = period(ctx);
      ctx.contentType(WebServer.HTML).result(templates.page("revised.jte", view.mostRevised(period, length(period))));
    });
  }

  /** The {@code period} parameter, {@code 7d} when absent. */
  static String period(Context ctx) {
    String period = ctx.queryParam("period");
    return period == null || period.isBlank() ? "7d" : period.trim();
  }

  static Duration length(String period) {
    try {
      return Durations.parse(period);
    } catch (IllegalArgumentException e) {
      throw new Params.BadRequest("'period' must be " + Durations.ALLOWED);
    }
  }

  private void render(Context ctx, String template, Optional<?> page, String missingTitle, String missingText) {
    if (page.isPresent()) {
      ctx.contentType(WebServer.HTML).result(templates.page(template, page.get()));
    } else {
      ctx.status(404).contentType(WebServer.HTML).result(templates.page("message.jte", new Pages.Message(missingTitle, missingText)));
    }
  }
}
