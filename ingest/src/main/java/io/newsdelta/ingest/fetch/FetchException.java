package io.newsdelta.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP fetch that did not give a usable response. Checked, because the caller decides what a failure
 * means (a feed that is down, a page to retry at its next check). Keeps the URL, the reason and the
 * status so that the error event can say what failed.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a fetch failed. */
  public enum Reason {
    /** No connection: refused, reset, unknown host, or another I/O failure. */
    UNREACHABLE,
    /** No complete response within the fetch timeout. */
    TIMEOUT,
    /** The server answered with a status other than 2xx (or 304 to a conditional request). */
    HTTP_STATUS,
    /** The body is larger than the limit. */
    TOO_LARGE,
    /** The Content-Type is not one the caller accepts, or the body sniffed as something else than HTML. */
    UNACCEPTED_CONTENT_TYPE,
    /** Redirects that come back to a URL already visited, or more of them than the fetcher follows. */
    REDIRECT_LOOP,
    /** A compressed body that cannot be decompressed, or an encoding the fetcher did not ask for. */
    BAD_ENCODING,
    /** The host resolves to an address the address policy refuses ({@code network.allow}); nothing was sent. */
    ADDRESS_REFUSED
  }

  private final transient URI uri;
  private final Reason reason;
  private final int status;
  private final String contentType;
  private final String detail;
  private final transient Duration retryAfter;

  /**
   * @param uri the URL requested
   * @param reason why it failed
   * @param status the HTTP status, or 0 when there was no response
   * @param contentType the response's Content-Type, or null
   * @param detail what went wrong, for the message
   * @param cause the underlying exception, or null
   */
  public FetchException(URI uri, Reason reason, int status, String contentType, String detail, Throwable cause) {
    this(uri, reason, status, contentType, detail, cause, null);
  }

  /**
   * A failure the server asked to be retried no sooner than {@code retryAfter} (its Retry-After header on a
   * 429 or 503; null when it sent none).
   */
  public FetchException(URI uri, Reason reason, int status, String contentType, String detail, Throwable cause,
      Duration retryAfter) {
    super(uri + ": " + detail, cause);
    this.uri = uri;
    this.reason = reason;
    this.status = status;
    this.contentType = contentType;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before the next request (Retry-After), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Whether the failure says something about the host rather than the page: no connection, a timeout, a
   * 5xx or a 429. Such failures in a row make the host back off.
   */
  public boolean hostFailure() {
    return reason == Reason.UNREACHABLE || reason == Reason.TIMEOUT
        || (reason == Reason.HTTP_STATUS && (status == 429 || status >= 500));
  }

  /** Sorts a transport-level exception into {@link Reason#TIMEOUT} or {@link Reason#UNREACHABLE}. */
  public static FetchException transport(URI uri, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (isTimeout(cause)) {
      return new FetchException(uri, Reason.TIMEOUT, 0, null, "no response within the fetch timeout", cause);
    }
    String detail;
    if (hasCause(cause, ConnectException.class)) {
      detail = "connection refused";
    } else if (hasCause(cause, UnknownHostException.class) || hasCause(cause, UnresolvedAddressException.class)) {
      detail = "unknown host";
    } else if (hasCause(cause, IOException.class)) {
      detail = "I/O error: " + describe(root);
    } else {
      detail = describe(root);
    }
    return new FetchException(uri, Reason.UNREACHABLE, 0, null, detail, cause);
  }

  private static boolean isTimeout(Throwable t) {
    return hasCause(t, HttpTimeoutException.class) || hasCause(t, TimeoutException.class);
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** The URL requested. */
  public URI uri() {
    return uri;
  }

  /** Why the fetch failed. */
  public Reason reason() {
    return reason;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }

  /** What went wrong, without the URL (for example {@code connection refused}, {@code HTTP 404}). */
  public String detail() {
    return detail;
  }

  /** The response's Content-Type, or null. */
  public String contentType() {
    return contentType;
  }
}
