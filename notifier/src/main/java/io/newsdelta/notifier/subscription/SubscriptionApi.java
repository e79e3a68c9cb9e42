package io.newsdelta.notifier.subscription;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/**
 * The subscription API, a route registrar for the notifier's Javalin server:
 * {@code GET /api/subscriptions} lists them, {@code PUT /api/subscriptions/{name}} adds or replaces one (the
 * subscription's JSON, as in the config), {@code DELETE /api/subscriptions/{name}} removes a run-time one. Every
 * call needs {@code Authorization: Bearer <notifier.api-token>}; without a configured token the API answers 503.
 */
public final class SubscriptionApi {
  /** The path of the collection. */
  public static final String PATH = "/api/subscriptions";

  private final SubscriptionRouting routing;
  private final SubscriptionStore store;
  private final Set<String> channels;
  private final byte[] token;

  /**
   * An API over {@code store}, answering with what {@code routing} holds.
   *
   * @param channels the channel names a subscription may name
   * @param apiToken the bearer token, or null to refuse every call
   */
  public SubscriptionApi(SubscriptionRouting routing, SubscriptionStore store, Set<String> channels, String apiToken) {
    this.routing = routing;
    this.store = store;
    this.channels = Set.copyOf(channels);
    this.token = apiToken == null ? null : apiToken.getBytes(StandardCharsets.UTF_8);
  }

  /** Adds the routes to {@code app}. */
  public void register(Javalin app) {
    app.before(PATH, this::authorise);
    app.before(PATH + "/*", this::authorise);
    app.get(PATH, ctx -> json(ctx, HttpStatus.OK, routing.current()));
    app.put(PATH + "/{name}", this::put);
    app.delete(PATH + "/{name}", ctx -> {
      store.delete(ctx.pathParam("name"));
      ctx.status(HttpStatus.NO_CONTENT);
    });
  }

  private void put(Context ctx) {
    SubscriptionConfig s;
    try {
      s = Json.mapper().readValue(ctx.bodyAsBytes(), SubscriptionConfig.class);
    } catch (java.io.IOException e) {
      Throwable cause = e.getCause() instanceof ConfigException c ? c : e;
      json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", firstLine(cause.getMessage())));
      return;
    }
    if (!ctx.pathParam("name").equals(s.name())) {
      json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", "the name in the path and in the body differ"));
      return;
    }
    for (String channel : s.channels()) {
      if (!channels.contains(channel)) {
        json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", "no channel named " + channel + "; known: " + channels));
        return;
      }
    }
    try {
      store.write(s);
    } catch (NewsdeltaException e) {
      json(ctx, HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage()));
      return;
    }
    json(ctx, HttpStatus.OK, s);
  }

  private void authorise(Context ctx) {
    if (token == null) {
      json(ctx, HttpStatus.SERVICE_UNAVAILABLE,
          Map.of("error", "the subscription API is off: set notifier.api-token or notifier.api-token-file"));
      ctx.skipRemainingHandlers();
      return;
    }
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.startsWith("Bearer ")
        ? header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header("WWW-Authenticate", "Bearer");
      json(ctx, HttpStatus.UNAUTHORIZED, Map.of("error", "a valid bearer token is needed"));
      ctx.skipRemainingHandlers();
    }
  }

  private static void json(Context ctx, HttpStatus status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  private static String firstLine(String message) {
    return message == null ? "bad request" : message.lines().findFirst().orElse("bad request");
  }
}
