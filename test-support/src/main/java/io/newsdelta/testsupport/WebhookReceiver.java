package io.newsdelta.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on 127.0.0.1 that accepts webhook POSTs at {@code /hook} (and paths below it)
 * and remembers them.
 *
 * <p>{@link #received()} lists the deliveries it accepted (answered 200). To test retries, make it
 * {@link #failNext(int, int) fail} the next calls: those are answered with the error status, counted
 * in {@link #attempts()}, and not listed as received. Other methods get 405, other paths 404.
 *
 * <pre>{@code
 * try (WebhookReceiver hook = WebhookReceiver.start()) {
 *   hook.failNext(2, 503);
 *   notifier.send(hook.url(), event);
 *   await().until(() -> hook.received().size() == 1);
 *   assertThat(hook.attempts()).isEqualTo(3);
 * }
 * }</pre>
 */
public final class WebhookReceiver implements AutoCloseable {

  /** The path webhooks are posted to. */
  public static final String PATH = "/hook";

  /**
   * One accepted POST.
   *
   * @param path    the request path, e.g. {@code /hook}
   * @param headers the request headers, names lower-cased (e.g. {@code content-type})
   * @param body    the request body, decoded as UTF-8
   */
  public record Received(String path, Map<String, String> headers, String body) {
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 500;
  private final LoopbackHttp http;

  private WebhookReceiver() {
    this.http = LoopbackHttp.start("webhook-receiver", this::handle);
  }

  /** Starts a receiver on a free loopback port. */
  public static WebhookReceiver start() {
    return new WebhookReceiver();
  }

  /** Where to post: {@code http://127.0.0.1:<port>/hook}. */
  public URI url() {
    return URI.create(http.base() + PATH);
  }

  /** The accepted deliveries so far, oldest first (a snapshot). */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Every POST to the hook so far, failed ones included. */
  public int attempts() {
    return attempts.get();
  }

  /**
   * Answers the next {@code count} POSTs with {@code status} (e.g. 503) instead of accepting them.
   *
   * @param count  how many calls to fail; 0 stops failing
   * @param status the error status to answer with
   */
  public void failNext(int count, int status) {
    if (count < 0 || status < 100 || status > 599) {
      throw new IllegalArgumentException("count must be >= 0 and status an HTTP status: " + count + ", " + status);
    }
    failureStatus = status;
    failuresLeft.set(count);
  }

  /** Stops the receiver; later posts get connection refused. */
  @Override
  public void close() {
    http.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
      LoopbackHttp.respond(exchange, 404, new byte[0]);
      return;
    }
    if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "POST");
      LoopbackHttp.respond(exchange, 405, new byte[0]);
      return;
    }
    attempts.incrementAndGet();
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      LoopbackHttp.respond(exchange, failureStatus, "failing on purpose".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String body = new String(LoopbackHttp.requestBody(exchange), StandardCharsets.UTF_8);
    received.add(new Received(path, LoopbackHttp.lowerCased(exchange.getRequestHeaders()), body));
    LoopbackHttp.respond(exchange, 200, new byte[0]);
  }
}
