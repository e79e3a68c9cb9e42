package io.newsdelta.notifier.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.view.HistoryView;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The same data as the pages, as JSON under {@code /api/} (described by {@code /openapi.json}), written by the
 * project's one configured mapper; lists are paginated ({@code page}, {@code size}, {@code more}) or bounded.
 */
final class ApiRoutes implements Routes {
  static final String JSON = "application/json; charset=utf-8";
  private static final String ASYNCAPI = "/io/newsdelta/events/asyncapi.json";

  private final HistoryView view;

  ApiRoutes(HistoryView view) {
    this.view = view;
  }

  @Override
  public void register(Javalin app) {
    var store = view.store();
    app.get("/api/articles", ctx -> json(ctx, store.articles(ctx.queryParam("feed"),
        Params.number(ctx, "page", 1, 1, 100_000), Params.number(ctx, "size", HistoryView.PAGE_SIZE, 1, 500))));
    app.get("/api/feeds", ctx -> json(ctx, store.feeds(Params.number(ctx, "limit", 100, 1, 1000))));
    app.get("/api/article", ctx -> {
      String id = Params.text(ctx, "id");
      found(ctx, store.article(id).map(a -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("article", a);
        body.put("versions", store.timeline(id));
        body.put("changes", store.changesOf(id));
        return body;
      }));
    });
    app.get("/api/version", ctx -> found(ctx,
        store.version(Params.text(ctx, "id"), Params.number(ctx, "version", 1, 1, Integer.MAX_VALUE))));
    app.get("/api/diff", ctx -> {
      int from = Params.number(ctx, "from", 1, 1, Integer.MAX_VALUE);
      found(ctx, view.diff(Params.text(ctx, "id"), from, Params.number(ctx, "to", from + 1, 1, Integer.MAX_VALUE), false)
          .map(d -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("articleId", d.article().articleId());
            body.put("from", d.from());
            body.put("to", d.to());
            body.put("elapsed", d.gap());
            body.put("headline", d.diff().headline());
            body.put("standfirst", d.diff().standfirst());
            body.put("paragraphs", d.diff().paragraphs());
            body.put("stats", d.diff().body().stats());
            return body;
          }));
    });
    app.get("/api/changes", ctx -> json(ctx, store.latestChanges(ctx.queryParam("feed"), ctx.queryParam("id"),
        Params.number(ctx, "limit", 50, 1, 500))));
    app.get("/api/search", ctx -> json(ctx, store.search(ctx.queryParam("q"),
        Params.number(ctx, "page", 1, 1, 10_000), Params.number(ctx, "size", HistoryView.PAGE_SIZE, 1, 500))));
    app.get("/api/most-revised", ctx -> {
      String period = PageRoutes.period(ctx);
      json(ctx, view.mostRevised(period, PageRoutes.length(period)).rows());
    });
    app.get("/openapi.json", ctx -> resource(ctx, "/io/newsdelta/notifier/web/openapi.json", "the OpenAPI document"));
    app.get("/asyncapi.json", ctx -> resource(ctx, ASYNCAPI, "the AsyncAPI document of the topics"));
  }

  private static void json(Context ctx, Object body) {
    ctx.contentType(JSON).result(Json.write(body));
  }

  private static void found(Context ctx, Optional<?> body) {
    if (body.isPresent()) {
      json(ctx, body.get());
    } else {
      ctx.status(404).contentType(JSON).result("{\"error\":\"not found: no such article or version\"}");
    }
  }

  /** A JSON document from the classpath; 404 with a body saying what is missing when it is not there. */
  private static void resource(Context ctx, String path, String what) throws IOException {
    try (InputStream in = ApiRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        ctx.status(404).contentType(JSON).result(
            "{\"error\":\"" + what + " is not in this build (classpath resource " + path + " is missing)\"}");
        return;
      }
      ctx.contentType(JSON).result(in.readAllBytes());
    }
  }
}
