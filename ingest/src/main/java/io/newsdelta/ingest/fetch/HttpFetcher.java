package io.newsdelta.ingest.fetch;

import io.newsdelta.ingest.fetch.FetchException.Reason;
import io.newsdelta.ingest.host.HostGate;
import java.io.IOException;
import java.net.URI;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.net.AddressRefusedException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * GETs URLs with {@link HttpClient}, asynchronously: sends the configured User-Agent and {@code
 * Accept-Encoding: gzip, deflate}, follows up to {@value #MAX_REDIRECTS} redirects (a loop is reported as a
 * loop), bounds the whole exchange — connect, headers and every byte of the body, over all redirects — by
 * the fetch timeout, and reads at most the byte limit, counted after decompression. HTTP/2 is used on https
 * where the server offers it (ALPN); plain http stays on HTTP/1.1. With a {@link HostGate}, every hop — the
 * first request and each redirect, on the host it goes to — waits for its place at that host first, so no
 * caller (feed poll, page check, robots.txt read) can pass the per-host limits; the wait does not count
 * against the fetch timeout. Everything that is not a usable response is a {@link FetchException}.
 * Thread-safe; build one with {@link #builder()}.
 */
public final class HttpFetcher {
  /** Redirects followed before the fetch fails as a loop. */
  public static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final int maxBytes;
  private final Clock clock;
  private final AddressPolicy addressPolicy;
  private final FetchObserver observer;
  private final HostGate gate;

  private HttpFetcher(Builder b) {
    this.gate = b.gate;
    this.addressPolicy = b.addressPolicy;
    this.observer = b.observer;
    this.userAgent = b.userAgent;
    this.timeout = b.timeout;
    this.maxBytes = b.maxBytes;
    this.clock = b.clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  /** A builder with a 30 s timeout, a 5 MiB limit and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * GETs {@code uri} and waits for the outcome.
   *
   * @param uri the URL
   * @param headers extra request headers (for example If-None-Match)
   * @param acceptContentType whether a 2xx response's Content-Type (null when absent) may be read; a false
   *     answer refuses the body before it is downloaded
   * @return the 2xx or 304 response, its body decompressed
   * @throws FetchException when there is no usable response
   */
  public FetchedResponse get(URI uri, Map<String, String> headers, Predicate<String> acceptContentType)
      throws FetchException {
    try {
      return fetch(uri, headers, acceptContentType).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(uri, Reason.UNREACHABLE, 0, null, "interrupted (shutting down)", e);
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
  }

  /**
   * GETs {@code uri} without blocking: the future completes with the response, or exceptionally with a
   * {@link FetchException} (use {@link #failure(URI, Throwable)} to unwrap it), within the fetch timeout.
   */
  public CompletableFuture<FetchedResponse> fetch(
      URI uri, Map<String, String> headers, Predicate<String> acceptContentType) {
    long begun = System.nanoTime();
    CompletableFuture<FetchedResponse> answered =
        exchange(uri, headers, acceptContentType, timeout.toNanos(), new ArrayList<>(List.of(uri)), 0);
    if (observer == null) {
      return answered;
    }
    return answered.whenComplete((response, error) -> observer.fetched(
        response != null ? (response.notModified() ? FetchObserver.NOT_MODIFIED : FetchObserver.OK)
            : failure(uri, error).reason().name().toLowerCase(Locale.ROOT),
        uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT), System.nanoTime() - begun));
  }

  /** The {@link FetchException} a failed {@link #fetch} future holds. */
  public static FetchException failure(URI uri, Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c instanceof FetchException f ? f : FetchException.transport(uri, c);
  }

  /** One hop, {@code left} nanoseconds of the fetch timeout left, counted from when its host lets it go. */
  private CompletableFuture<FetchedResponse> exchange(URI uri, Map<String, String> headers,
      Predicate<String> accept, long left, List<URI> visited, int firstRedirect) {
    if (left <= 0) {
      return CompletableFuture.failedFuture(FetchException.transport(uri, new TimeoutException()));
    }
    try {
      // Every hop, redirects included, on the addresses its name resolves to now; the JVM's address cache
      // gives the connection that follows the same addresses, so a name re-pointed in between does not pass.
      addressPolicy.check(uri);
    } catch (AddressRefusedException e) {
      return CompletableFuture.failedFuture(new FetchException(uri, Reason.ADDRESS_REFUSED, 0, null,
          e.detail(), null));
    } catch (UnknownHostException e) {
      return CompletableFuture.failedFuture(FetchException.transport(uri, e));
    }
    if (gate == null) {
      return send(uri, headers, accept, left, visited, firstRedirect, null);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return gate.acquire(host).handle((permit, error) -> {
      if (error != null) {
        throw new CompletionException(new FetchException(uri, Reason.UNREACHABLE, 0, null,
            "not sent: ingest is stopping", null));
      }
      return permit;
    }).thenCompose(permit -> send(uri, headers, accept, left, visited, firstRedirect, permit));
  }

  private CompletableFuture<FetchedResponse> send(URI uri, Map<String, String> headers, Predicate<String> accept,
      long left, List<URI> visited, int firstRedirect, HostGate.Permit permit) {
    long deadline = System.nanoTime() + left;
    CompletableFuture<HttpResponse<byte[]>> sent;
    AtomicReference<LimitedBody> reading = new AtomicReference<>();
    try {
      sent = client.sendAsync(request(uri, headers, left), info -> {
        LimitedBody body = bodyFor(info.statusCode(), info.headers(), accept);
        reading.set(body);
        return body;
      });
    } catch (RuntimeException e) {
      if (permit != null) {
        permit.release();
      }
      throw e;
    }
    CompletableFuture<HttpResponse<byte[]>> bounded = sent.orTimeout(left, TimeUnit.NANOSECONDS);
    return bounded
        .handle((response, error) -> {
          // The whole body is in (or the hop failed): the host's place goes to its next request.
          if (permit != null) {
            permit.release();
          }
          if (error != null) {
            LimitedBody body = reading.get();
            if (body != null) {
              body.abort();
            }
            sent.cancel(true);
            FetchException failure = classify(uri, error);
            tellGate(uri, failure.hostFailure(), null, failure.detail());
            throw new CompletionException(failure);
          }
          int status = response.statusCode();
          boolean failed = status == 429 || status >= 500;
          tellGate(uri, failed, failed && (status == 429 || status == 503)
              ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
              : null, "HTTP " + status);
          return response;
        })
        .thenCompose(response -> answer(uri, response, headers, accept, deadline, visited, firstRedirect));
  }

  /**
   * Tells the host's gate what this hop got, so its Retry-After and backoff hold every later request to the host,
   * whichever part of ingest sends it.
   */
  private void tellGate(URI uri, boolean hostFailure, Duration retryAfter, String detail) {
    if (gate != null) {
      gate.answered(uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT),
          uri.getScheme() + "://" + uri.getRawAuthority() + "/", hostFailure, retryAfter, detail);
    }
  }

  private HttpRequest request(URI uri, Map<String, String> headers, long left) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().timeout(Duration.ofNanos(left))
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", ContentDecoding.ACCEPTED);
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      // h2c upgrade requests confuse more plain-http servers than they help.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    headers.forEach(request::header);
    return request.build();
  }

  private LimitedBody bodyFor(int status, HttpHeaders headers, Predicate<String> accept) {
    if (status < 200 || status > 299) {
      return LimitedBody.discarding();
    }
    String type = headers.firstValue("Content-Type").orElse(null);
    if (!accept.test(type)) {
      return LimitedBody.refusing(new LimitedBody.Refused(type));
    }
    long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBytes) {
      return LimitedBody.refusing(new LimitedBody.TooLarge(maxBytes));
    }
    return LimitedBody.upTo(maxBytes);
  }

  private CompletableFuture<FetchedResponse> answer(URI uri, HttpResponse<byte[]> response,
      Map<String, String> headers, Predicate<String> accept, long deadline, List<URI> visited, int firstRedirect) {
    int status = response.statusCode();
    HttpHeaders h = response.headers();
    String contentType = h.firstValue("Content-Type").orElse(null);
    if (isRedirect(status) && h.firstValue("Location").isPresent()) {
      URI next;
      try {
        next = uri.resolve(h.firstValue("Location").get().trim());
      } catch (IllegalArgumentException e) {
        return CompletableFuture.failedFuture(new FetchException(visited.get(0), Reason.HTTP_STATUS, status,
            contentType, "HTTP " + status + " to an invalid Location", null));
      }
      if (visited.contains(next)) {
        return CompletableFuture.failedFuture(new FetchException(visited.get(0), Reason.REDIRECT_LOOP, status,
            contentType, "redirect loop (" + chain(visited, next) + ")", null));
      }
      if (visited.size() > MAX_REDIRECTS) {
        return CompletableFuture.failedFuture(new FetchException(visited.get(0), Reason.REDIRECT_LOOP, status,
            contentType, "more than " + MAX_REDIRECTS + " redirects (" + chain(visited, next) + ")", null));
      }
      visited.add(next);
      return exchange(next, headers, accept, deadline - System.nanoTime(), visited,
          firstRedirect == 0 ? status : firstRedirect);
    }
    if (status != 304 && (status < 200 || status > 299)) {
      return CompletableFuture.failedFuture(new FetchException(uri, Reason.HTTP_STATUS, status, contentType,
          "HTTP " + status, null, RetryAfter.parse(h.firstValue("Retry-After").orElse(null), clock.instant())));
    }
    byte[] body = response.body() == null ? new byte[0] : response.body();
    try {
      body = ContentDecoding.decode(body, h.firstValue("Content-Encoding").orElse(null), maxBytes);
    } catch (ContentDecoding.TooLarge e) {
      return CompletableFuture.failedFuture(
          new FetchException(uri, Reason.TOO_LARGE, status, contentType, e.getMessage(), null));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new FetchException(uri, Reason.BAD_ENCODING, status, contentType, e.getMessage(), null));
    }
    return CompletableFuture.completedFuture(new FetchedResponse(response.uri(), status, contentType,
        h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null), body, clock.instant(),
        firstRedirect, h.allValues("Link")));
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String chain(List<URI> visited, URI next) {
    List<String> all = new ArrayList<>(visited.stream().map(URI::toString).toList());
    all.add(next.toString());
    return String.join(" -> ", all);
  }

  private FetchException classify(URI uri, Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FetchException f) {
        return f;
      }
      if (c instanceof LimitedBody.TooLarge) {
        return new FetchException(uri, Reason.TOO_LARGE, 200, null, "larger than " + maxBytes + " bytes", null);
      }
      if (c instanceof LimitedBody.Refused refused) {
        String type = refused.contentType();
        return new FetchException(uri, Reason.UNACCEPTED_CONTENT_TYPE, 200, type, "Content-Type " + type, null);
      }
      if (c instanceof TimeoutException || c instanceof LimitedBody.Aborted) {
        return FetchException.transport(uri, new TimeoutException("no complete response within " + timeout));
      }
    }
    return FetchException.transport(uri, cause);
  }

  /** Options of an {@link HttpFetcher}. */
  public static final class Builder {
    private String userAgent = "newsdelta";
    private Duration timeout = Duration.ofSeconds(30);
    private int maxBytes = 5 * 1024 * 1024;
    private Clock clock = Clock.systemUTC();
    private AddressPolicy addressPolicy = AddressPolicy.PUBLIC_ONLY;
    private FetchObserver observer;
    private HostGate gate;

    private Builder() {}

    /** The per-host limiter every hop waits at (ingest's); none by default (one-off fetches of the CLI). */
    public Builder hostGate(HostGate gate) {
      this.gate = Objects.requireNonNull(gate, "gate");
      return this;
    }

    /** Which addresses may be connected to (default: public ones only); a refused one fails the fetch. */
    public Builder addressPolicy(AddressPolicy addressPolicy) {
      this.addressPolicy = Objects.requireNonNull(addressPolicy, "addressPolicy");
      return this;
    }

    /** Told the outcome and duration of every fetch (for metrics); none by default. */
    public Builder observer(FetchObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /** The User-Agent header of every request. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** The most one exchange (connect, headers and body, redirects included) may take. */
    public Builder timeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The largest body kept, counted after decompression; a larger one is a {@link Reason#TOO_LARGE} failure. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBytes must be positive and below 2 GiB, got " + maxBytes);
      }
      this.maxBytes = (int) maxBytes;
      return this;
    }

    /** The clock that stamps {@link FetchedResponse#receivedAt()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public HttpFetcher build() {
      return new HttpFetcher(this);
    }
  }
}
