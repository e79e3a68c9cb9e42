package io.newsdelta.ingest.fetch;

/**
 * Told how each fetch of an {@link HttpFetcher} ended, on the thread that completed it (keep it cheap: it is
 * for counters and timers).
 */
@FunctionalInterface
public interface FetchObserver {
  /** A 2xx response taken in. */
  String OK = "ok";
  /** A 304 answer to a conditional request. */
  String NOT_MODIFIED = "not_modified";

  /**
   * One fetch ended.
   *
   * @param outcome {@link #OK}, {@link #NOT_MODIFIED}, or the {@link FetchException.Reason} in lower case
   * @param host the host of the URL asked for (lower case, no port), before any redirect
   * @param nanos from the request to the outcome, redirects and waits at the host's limiter included
   */
  void fetched(String outcome, String host, long nanos);
}
