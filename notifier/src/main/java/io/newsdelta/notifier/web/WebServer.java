package io.newsdelta.notifier.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.notifier.view.HistoryView;
import io.newsdelta.notifier.view.Pages;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier's web server (Javalin on Jetty): the pages of {@link PageRoutes}, the Atom feeds of {@link
 * AtomRoutes}, the JSON API of {@link ApiRoutes}, the health checks, and whatever other features register
 * through {@link Routes}. Every response carries a Content-Security-Policy that allows no script at all.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  /** No script, no frame, no plugin; styles and images from this server only; forms submit here only. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  static final String HTML = "text/html; charset=utf-8";

  private final String bind;
  private final int port;
  private final Javalin app;

  /**
   * Builds the server and its routes; it listens once {@link #start()} is called.
   *
   * @param healthy whether delivery runs ({@code /healthz}, {@code /health/ready})
   * @param ready whether the history store answers and is being filled ({@code /health/ready})
   * @param extra other features' routes, registered after the built-in ones (see {@link Routes})
   */
  public WebServer(String bind, int port, HistoryView view, BooleanSupplier healthy, BooleanSupplier ready,
      List<Routes> extra) {
    this(bind, port, view, healthy, ready, List::of, extra);
  }

  /**
   * Builds the server and its routes, with more readiness checks.
   *
   * @param notReady why the rest of the process is not ready (one line each; none when it is), answered by
   *     {@code /health/ready} after the notifier's own checks
   */
  public WebServer(String bind, int port, HistoryView view, BooleanSupplier healthy, BooleanSupplier ready,
      Supplier<List<String>> notReady, List<Routes> extra) {
    this.bind = bind == null || bind.isBlank() ? "0.0.0.0" : bind;
    this.port = port;
    Templates templates = new Templates();
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/io/newsdelta/notifier/web/public";
        files.location = Location.CLASSPATH;
      });
    });
    app.before(ctx -> {
      ctx.header("Content-Security-Policy", CSP);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
    });
    app.exception(Params.BadRequest.class, (e, ctx) ->
        ctx.status(400).contentType(WebServer.HTML).result(templates.page("message.jte", new Pages.Message("Bad request", e.getMessage() + "."))));
    app.exception(Exception.class, (e, ctx) -> {
      if (e instanceof HttpResponseException h && h.getStatus() == 404) {
        ctx.status(404).contentType(HTML).result(notFound(templates, ctx));
        return;
      }
      if (e instanceof HttpResponseException h) {
        ctx.status(h.getStatus()).contentType("text/plain; charset=utf-8").result(h.getMessage() + "\n");
        return;
      }
      LOG.error("Failed to answer {}", ctx.fullUrl(), e);
      ctx.status(500).contentType("text/plain; charset=utf-8").result("internal error; see the notifier log\n");
    });
    // A path no route serves: Javalin answers 404 in plain text; pages and the API set their own type.
    app.error(404, ctx -> {
      String type = ctx.res().getContentType();
      if (type == null || type.startsWith("text/plain")) {
        ctx.contentType(HTML).result(notFound(templates, ctx));
      }
    });
    health(healthy, ready, notReady);
    new PageRoutes(view, templates).register(app);
    new AtomRoutes(view, templates).register(app);
    new ApiRoutes(view).register(app);
    for (Routes r : extra) {
      r.register(app);
    }
  }

  private static String notFound(Templates templates, Context ctx) {
    return templates.page("message.jte", new Pages.Message("Page not found", "There is no page at " + ctx.path() + "."));
  }

  private void health(BooleanSupplier healthy, BooleanSupplier ready, Supplier<List<String>> notReady) {
    app.get("/health/live", ctx -> text(ctx, 200, "live\n"));
    app.get("/health/ready", ctx -> {
      if (!ready.getAsBoolean()) {
        text(ctx, 503, "not ready: the history store does not answer or is not being filled; see the notifier log\n");
      } else if (!healthy.getAsBoolean()) {
        text(ctx, 503, "not ready: webhook delivery stopped; see the notifier log\n");
      } else if (!notReady.get().isEmpty()) {
        text(ctx, 503, "not ready: " + String.join("\n", notReady.get()) + "\n");
      } else {
        text(ctx, 200, "ready\n");
      }
    });
    // The first health path, kept for existing probes: delivery only, as before.
    app.get("/healthz", ctx -> {
      if (healthy.getAsBoolean()) {
        text(ctx, 200, "ok");
      } else {
        text(ctx, 503, "webhook delivery stopped; see the notifier log\n");
      }
    });
  }

  private static void text(Context ctx, int status, String body) {
    ctx.status(status).contentType("text/plain; charset=utf-8").result(body);
  }

  /**
   * Starts listening.
   *
   * @throws NewsdeltaException when the address cannot be bound, naming it and the config keys to change
   */
  public void start() {
    try {
      app.start(bind, port);
    } catch (RuntimeException e) {
      throw new NewsdeltaException(
          "cannot serve the notifier pages on " + bind + ":" + port + " (" + e.getMessage()
              + "); choose a free port with notifier.http.port or another address with notifier.http.bind",
          e);
    }
    LOG.info("Notifier pages at http://{}:{}/", bind, port());
  }

  /** The port actually bound (after {@link #start()}). */
  public int port() {
    return app.port();
  }

  /** Stops answering; requests in progress finish first. */
  @Override
  public void close() {
    app.stop();
  }
}
