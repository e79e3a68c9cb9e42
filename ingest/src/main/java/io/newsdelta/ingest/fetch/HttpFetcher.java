package io.newsdelta.ingest.fetch;

import io.newsdelta.ingest.fetch.FetchException.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * GETs URLs with {@link HttpClient}: sends the configured User-Agent, follows redirects, gives the whole
 * exchange at most the fetch timeout, and reads at most the byte limit. Everything that is not a usable
 * response is a {@link FetchException}. Thread-safe; build one with {@link #builder()}.
 */
public final class HttpFetcher {
  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final long maxBytes;
  private final Clock clock;

  private HttpFetcher(Builder b) {
    this.userAgent = b.userAgent;
    this.timeout = b.timeout;
    this.maxBytes = b.maxBytes;
    this.clock = b.clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(timeout)
            .build();
  }

  /** A builder with a 30 s timeout, a 5 MiB limit and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * GETs {@code uri}.
   *
   * @param uri the URL
   * @param headers extra request headers (for example If-None-Match)
   * @param acceptContentType whether a 2xx response's Content-Type (null when absent) is wanted
   * @return the 2xx or 304 response
   * @throws FetchException when there is no usable response
   */
  public FetchedResponse get(URI uri, Map<String, String> headers, Predicate<String> acceptContentType)
      throws FetchException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", userAgent);
    headers.forEach(request::header);
    BodyHandler<byte[]> handler =
        info -> {
          int status = info.statusCode();
          String type = info.headers().firstValue("Content-Type").orElse(null);
          if (status < 200 || status > 299) {
            return LimitedBody.discarding();
          }
          if (!acceptContentType.test(type)) {
            return LimitedBody.refusing(new LimitedBody.Refused("Content-Type " + type));
          }
          long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
          if (declared > maxBytes) {
            return LimitedBody.refusing(new LimitedBody.TooLarge(maxBytes));
          }
          return LimitedBody.upTo(maxBytes);
        };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), handler);
    HttpResponse<byte[]> response;
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw FetchException.transport(uri, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException(uri, Reason.UNREACHABLE, 0, null, "interrupted (shutting down)", e);
    } catch (ExecutionException e) {
      throw classify(uri, e.getCause());
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    int status = response.statusCode();
    if (status != 304 && (status < 200 || status > 299)) {
      throw new FetchException(uri, Reason.HTTP_STATUS, status, contentType, "HTTP " + status, null);
    }
    return new FetchedResponse(
        response.uri(),
        status,
        contentType,
        response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Last-Modified").orElse(null),
        response.body() == null ? new byte[0] : response.body(),
        clock.instant());
  }

  private FetchException classify(URI uri, Throwable cause) {
    for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof LimitedBody.TooLarge) {
        return new FetchException(uri, Reason.TOO_LARGE, 200, null, "larger than " + maxBytes + " bytes", null);
      }
      if (c instanceof LimitedBody.Refused refused) {
        String type = refused.getMessage().substring("Content-Type ".length());
        return new FetchException(uri, Reason.UNACCEPTED_CONTENT_TYPE, 200, type, refused.getMessage(), null);
      }
    }
    return FetchException.transport(uri, cause);
  }

  /** Options of an {@link HttpFetcher}. */
  public static final class Builder {
    private String userAgent = "newsdelta";
    private Duration timeout = Duration.ofSeconds(30);
    private long maxBytes = 5L * 1024 * 1024;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The User-Agent header of every request. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** The most one exchange (connect, headers and body) may take. */
    public Builder timeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The largest body read; a larger one is a {@link Reason#TOO_LARGE} failure. */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
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
