package io.newsdelta.notifier.web;

import io.javalin.Javalin;

/**
 * A feature's routes on the notifier's one web server, so every page, API and stream shares the port, the
 * security headers and the error pages.
 *
 * <p>Pass implementations to {@link io.newsdelta.notifier.NotifierService} (or {@link WebServer}); each is
 * called once, after the built-in routes are registered and before the server starts listening:
 *
 * <pre>{@code
 * Routes events = app -> app.sse("/events", client -> ...);
 * new NotifierService(config, history, bootstrapServers, List.of(events));
 * }</pre>
 *
 * A registrar must not use a path the built-in routes use ({@code /}, {@code /article}, {@code /diff},
 * {@code /search}, {@code /most-revised}, {@code /atom}, {@code /openapi.json}, {@code /asyncapi.json},
 * {@code /api/*}, {@code /health/*}, {@code /healthz}, {@code /style.css}, and {@code /metrics} when the process
 * has metrics).
 */
@FunctionalInterface
public interface Routes {
  /** Adds this feature's handlers to {@code app}. */
  void register(Javalin app);
}
