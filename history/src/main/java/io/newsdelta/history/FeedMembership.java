package io.newsdelta.history;

/**
 * Which feed an article was found in (from ingest's state topic).
 *
 * @param articleId the article
 * @param url its URL
 * @param feedUrl the feed it belongs to
 */
public record FeedMembership(String articleId, String url, String feedUrl) {}
