package io.newsdelta.events;

import java.time.Instant;

/**
 * A page as fetched by ingest, on {@link Topics#RAW_VERSIONS}, keyed by article id.
 *
 * @param articleId the normalised canonical URL ({@link ArticleIds#of(String)})
 * @param url the URL that was fetched
 * @param feedUrl the feed the article was found in
 * @param fetchedAt when the response was received
 * @param httpStatus the HTTP status of the response
 * @param contentType the Content-Type header, or null when absent
 * @param bodySha256 hex SHA-256 of the body as decoded text (UTF-8)
 * @param body the HTML as fetched, decoded to text with the charset of the response
 */
public record RawVersion(
    String articleId,
    String url,
    String feedUrl,
    Instant fetchedAt,
    int httpStatus,
    String contentType,
    String bodySha256,
    String body) {}
