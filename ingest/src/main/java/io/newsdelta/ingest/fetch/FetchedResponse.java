package io.newsdelta.ingest.fetch;

import java.net.URI;
import java.time.Instant;

/**
 * A usable HTTP response: 2xx with its body, or 304 (not modified) with an empty body.
 *
 * @param uri the URL finally answered, after redirects
 * @param status the HTTP status
 * @param contentType the Content-Type header, or null
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param body the body bytes, at most the fetcher's limit
 * @param receivedAt when the response was received, by the fetcher's clock
 * @param redirectStatus the status of the first redirect followed to get here (301, 302, 303, 307, 308), or 0
 *     when the URL requested answered itself
 * @param links the values of the response's {@code Link} headers, in order (WebSub reads the hub from them)
 */
public record FetchedResponse(
    URI uri, int status, String contentType, String etag, String lastModified, byte[] body, Instant receivedAt,
    int redirectStatus, java.util.List<String> links) {

  public FetchedResponse {
    links = links == null ? java.util.List.of() : java.util.List.copyOf(links);
  }

  /** A response without Link headers. */
  public FetchedResponse(URI uri, int status, String contentType, String etag, String lastModified, byte[] body,
      Instant receivedAt, int redirectStatus) {
    this(uri, status, contentType, etag, lastModified, body, receivedAt, redirectStatus, java.util.List.of());
  }

  /** A response to the URL requested, without redirects. */
  public FetchedResponse(
      URI uri, int status, String contentType, String etag, String lastModified, byte[] body, Instant receivedAt) {
    this(uri, status, contentType, etag, lastModified, body, receivedAt, 0);
  }

  /** Whether redirects were followed to get this response. */
  public boolean redirected() {
    return redirectStatus != 0;
  }

  /** Whether the server said the resource is unchanged since the conditional request's validators. */
  public boolean notModified() {
    return status == 304;
  }
}
