package io.newsdelta.ingest.websub;

import io.newsdelta.ingest.fetch.RetryAfter;
import io.newsdelta.ingest.host.HostGate;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.net.AddressRefusedException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Sends subscription requests to hubs: a form-encoded {@code POST} with ingest's User-Agent, bounded by the fetch
 * timeout. The hub's address is checked against the address policy ({@code network.allow}) just before the request,
 * as every feed and page is; redirects are not followed (a hub that moved says so with its status, and the next
 * poll of the feed names the new one). With a {@link HostGate} (as the service runs it) each request waits for its
 * place at the hub's host like every other request of ingest — per-host concurrency, gap, Retry-After, backoff — and
 * reports its answer there, so a hub that answers 503 with Retry-After, or keeps failing, is left alone.
 */
public final class HubClient {
  /**
   * The hub's answer.
   *
   * @param status the HTTP status (202 is the spec's "accepted, verification follows")
   * @param body the start of the body, for the log (a hub says why it refused there)
   */
  public record Answer(int status, String body) {
    /** Whether the hub took the request (it verifies our intent next). */
    public boolean accepted() {
      return status >= 200 && status <= 299;
    }
  }

  /** The request could not be sent: the address policy refused the hub, or it could not be reached. */
  public static final class HubUnreachable extends Exception {
    private final boolean refused;

    HubUnreachable(String message, boolean refused, Throwable cause) {
      super(message, cause);
      this.refused = refused;
    }

    /** Whether the address policy refused the hub's address (nothing was sent). */
    public boolean refused() {
      return refused;
    }
  }

  private final HttpClient client;
  private final AddressPolicy policy;
  private final String userAgent;
  private final Duration timeout;
  private final HostGate gate;

  /** A client with its own connection pool, outside any per-host limiter (tests). */
  public HubClient(AddressPolicy policy, String userAgent, Duration timeout) {
    this(policy, userAgent, timeout, null);
  }

  /**
   * A client with its own connection pool whose requests pass {@code gate}, the per-host limiter of every request
   * of ingest (null: none).
   */
  public HubClient(AddressPolicy policy, String userAgent, Duration timeout, HostGate gate) {
    this.gate = gate;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
  }

  /**
   * POSTs {@code form} to {@code hub}. The future fails with {@link HubUnreachable} when nothing usable came back.
   */
  public CompletableFuture<Answer> post(URI hub, Map<String, String> form) {
    try {
      policy.check(hub);
    } catch (AddressRefusedException e) {
      return CompletableFuture.failedFuture(new HubUnreachable(e.detail(), true, null));
    } catch (UnknownHostException e) {
      return CompletableFuture.failedFuture(new HubUnreachable("unknown host " + hub.getHost(), false, e));
    }
    String encoded = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(hub)
        .version(HttpClient.Version.HTTP_1_1)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8))
        .build();
    if (gate == null) {
      return send(hub, request, null);
    }
    String host = hub.getHost() == null ? "" : hub.getHost().toLowerCase(Locale.ROOT);
    return gate.acquire(host).handle((permit, error) -> {
      if (error != null) {
        throw new java.util.concurrent.CompletionException(
            new HubUnreachable("not sent to " + hub + ": ingest is stopping", false, error));
      }
      return permit;
    }).thenCompose(permit -> send(hub, request, permit));
  }

  private CompletableFuture<Answer> send(URI hub, HttpRequest request, HostGate.Permit permit) {
    CompletableFuture<HttpResponse<String>> sent;
    try {
      sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    } catch (RuntimeException e) {
      if (permit != null) {
        permit.release();
      }
      throw e;
    }
    return sent
        .handle((response, error) -> {
          if (permit != null) {
            permit.release();
            tellGate(hub, response, error);
          }
          if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new java.util.concurrent.CompletionException(
                new HubUnreachable("no answer from " + hub + " (" + why + ")", false, cause));
          }
          String body = response.body() == null ? "" : response.body().strip();
          return new Answer(response.statusCode(), body.length() > 200 ? body.substring(0, 200) + "…" : body);
        });
  }

  /** The hub's answer (or its absence) to its host's gate: 5xx, 429 and no answer count as the host's failures. */
  private void tellGate(URI hub, HttpResponse<String> response, Throwable error) {
    String host = hub.getHost() == null ? "" : hub.getHost().toLowerCase(Locale.ROOT);
    String origin = hub.getScheme() + "://" + hub.getRawAuthority() + "/";
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      gate.answered(host, origin, true, null, cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause.getMessage());
      return;
    }
    int status = response.statusCode();
    boolean failed = status == 429 || status >= 500;
    Duration retryAfter = failed && (status == 429 || status == 503)
        ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), java.time.Instant.now())
        : null;
    gate.answered(host, origin, failed, retryAfter, "HTTP " + status);
  }
}
