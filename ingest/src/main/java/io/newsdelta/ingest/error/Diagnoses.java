package io.newsdelta.ingest.error;

import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.poll.FeedParseException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Sorts ingest's expected failures into {@link ErrorKind}s and words the message operators read. Pure.
 */
public final class Diagnoses {
  private static final String CHECK_FEED_URL = "check the URL in feeds[] of newsdelta.yml";
  private static final String FEED_NOT_PAGE =
      "check that the URL in feeds[] of newsdelta.yml is the RSS or Atom document, not a web page";

  private Diagnoses() {}

  /** A feed fetch that failed. */
  public static Diagnosis feedFetch(URI feed, FetchException e) {
    return switch (e.reason()) {
      case UNREACHABLE, TIMEOUT ->
          new Diagnosis(
              ErrorKind.FEED_UNREACHABLE,
              "Feed " + feed + " could not be reached (" + e.detail() + "); check that the site is up and "
                  + "that the URL in feeds[] of newsdelta.yml is right; ingest tries again at every poll");
      case HTTP_STATUS ->
          new Diagnosis(ErrorKind.FEED_HTTP_STATUS,
              "Feed " + feed + " returned HTTP " + e.status() + "; " + adviceForFeedStatus(e.status()));
      case TOO_LARGE ->
          new Diagnosis(
              ErrorKind.FEED_TOO_LARGE,
              "Feed " + feed + " is " + e.detail() + "; raise ingest.max-page-bytes or " + CHECK_FEED_URL);
      case UNACCEPTED_CONTENT_TYPE ->
          new Diagnosis(
              ErrorKind.FEED_NOT_XML,
              "Feed " + feed + " was served as " + e.contentType() + ", not a feed; " + FEED_NOT_PAGE);
      case REDIRECT_LOOP ->
          new Diagnosis(ErrorKind.FEED_HTTP_STATUS,
              "Feed " + feed + " redirects in a loop: " + e.detail() + "; " + CHECK_FEED_URL);
      case BAD_ENCODING ->
          new Diagnosis(ErrorKind.FEED_NOT_XML,
              "Feed " + feed + " cannot be decoded: " + e.detail() + "; ingest tries again at every poll");
      case ADDRESS_REFUSED ->
          new Diagnosis(ErrorKind.ADDRESS_REFUSED, "Feed " + e.uri() + " was not fetched: it " + e.detail());
    };
  }

  /** A feed document that is not RSS or Atom. */
  public static Diagnosis feedParse(URI feed, String contentType, FeedParseException e) {
    String servedAs = contentType == null ? "" : " (served as " + contentType + ")";
    return switch (e.problem()) {
      case NOT_XML ->
          new Diagnosis(
              ErrorKind.FEED_NOT_XML,
              "Feed " + feed + " is not XML" + servedAs + " (" + e.getMessage() + "); " + FEED_NOT_PAGE);
      case NOT_A_FEED ->
          new Diagnosis(
              ErrorKind.FEED_NOT_A_FEED,
              "Feed " + feed + " is XML but neither RSS nor Atom" + servedAs + "; " + FEED_NOT_PAGE);
    };
  }

  /**
   * An article page fetch that failed.
   *
   * @param page the article URL
   * @param e the failure
   * @param nextCheck when the page will be fetched again, or null when no checks are left
   */
  public static Diagnosis pageFetch(URI page, FetchException e, Instant nextCheck) {
    return pageFetch(page, e, nextCheck, null);
  }

  /**
   * An article page fetch that failed at {@code now} (null: unknown): a next check that is not after it is
   * worded "shortly", never as a time already past.
   */
  public static Diagnosis pageFetch(URI page, FetchException e, Instant nextCheck, Instant now) {
    String retry = retry(nextCheck, now);
    return switch (e.reason()) {
      case UNREACHABLE, TIMEOUT ->
          new Diagnosis(ErrorKind.PAGE_UNREACHABLE,
              "Page " + page + " could not be reached (" + e.detail() + "); " + retry);
      case HTTP_STATUS ->
          new Diagnosis(ErrorKind.PAGE_HTTP_STATUS,
              "Page " + page + " returned HTTP " + e.status() + "; " + retry);
      case TOO_LARGE ->
          new Diagnosis(
              ErrorKind.PAGE_TOO_LARGE,
              "Page " + page + " is " + e.detail() + " and was not kept; raise ingest.max-page-bytes to keep it; "
                  + retry);
      case UNACCEPTED_CONTENT_TYPE ->
          new Diagnosis(
              ErrorKind.PAGE_NOT_HTML,
              "Page " + page + " is " + e.contentType() + ", not HTML, and was not kept; ingest only keeps HTML "
                  + "pages (this is reported once; the page keeps its schedule); " + retry);
      case REDIRECT_LOOP ->
          new Diagnosis(ErrorKind.PAGE_HTTP_STATUS,
              "Page " + page + " redirects in a loop: " + e.detail() + "; " + retry);
      case BAD_ENCODING ->
          new Diagnosis(ErrorKind.PAGE_UNREACHABLE,
              "Page " + page + " cannot be decoded: " + e.detail() + "; " + retry);
      case ADDRESS_REFUSED ->
          new Diagnosis(ErrorKind.ADDRESS_REFUSED, "Page " + e.uri() + " was not fetched: it " + e.detail());
    };
  }

  /** A page whose raw version, once encoded, would not fit one message of the raw topic. */
  public static Diagnosis pageTooLargeEncoded(URI page, long encodedBytes, int limit, Instant nextCheck, Instant now) {
    return new Diagnosis(ErrorKind.PAGE_TOO_LARGE,
        "Page " + page + " encodes to a " + encodedBytes + "-byte raw version, more than the " + limit
            + " bytes one message of the raw topic takes (its bytes that are not text become escapes several bytes "
            + "long), and was not kept (reported once; the page keeps its schedule); "
            + retry(nextCheck, now));
  }

  /** A page robots.txt forbids. */
  public static Diagnosis robotsDisallowed(URI page, Instant nextCheck, Instant now) {
    return new Diagnosis(ErrorKind.PAGE_ROBOTS_DISALLOWED,
        "Page " + page + " is disallowed by " + page.resolve("/robots.txt") + " for ingest's User-Agent and was "
            + "not fetched; set robots: false on its feed in feeds[] of newsdelta.yml if you may fetch it anyway; "
            + retry(nextCheck, now));
  }

  /** A host that keeps failing. */
  public static Diagnosis hostBackingOff(String host, int failures, java.time.Duration pause, String lastFailure) {
    return new Diagnosis(ErrorKind.HOST_BACKING_OFF,
        "Host " + host + " failed " + failures + " times in a row (last: " + lastFailure + "); ingest sends it "
            + "nothing for about " + pause.toSeconds() + " s, then tries again, waiting longer after each failure; "
            + "check that the site is up");
  }

  /** A host that answers again. */
  public static Diagnosis hostRecovered(String host) {
    return new Diagnosis(ErrorKind.HOST_RECOVERED, "Host " + host + " answers again; its checks resume");
  }

  private static String retry(Instant nextCheck, Instant now) {
    if (nextCheck == null) {
      return "no more checks are scheduled for it";
    }
    if (now != null && !nextCheck.isAfter(now.plusSeconds(1))) {
      return "it is fetched again shortly";
    }
    return "it is fetched again at its next check, " + nextCheck.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The kind of a failed article page fetch. */
  public static ErrorKind pageKind(FetchException e) {
    return switch (e.reason()) {
      case UNREACHABLE, TIMEOUT -> ErrorKind.PAGE_UNREACHABLE;
      case HTTP_STATUS -> ErrorKind.PAGE_HTTP_STATUS;
      case TOO_LARGE -> ErrorKind.PAGE_TOO_LARGE;
      case UNACCEPTED_CONTENT_TYPE -> ErrorKind.PAGE_NOT_HTML;
      case REDIRECT_LOOP -> ErrorKind.PAGE_HTTP_STATUS;
      case BAD_ENCODING -> ErrorKind.PAGE_UNREACHABLE;
      case ADDRESS_REFUSED -> ErrorKind.ADDRESS_REFUSED;
    };
  }

  /** A failure nobody expected: a bug. */
  public static Diagnosis unexpected(String activity, Throwable t) {
    return new Diagnosis(
        ErrorKind.INTERNAL,
        "Unexpected " + t.getClass().getName() + " while " + activity + ": " + t.getMessage()
            + "; this is a bug in newsdelta ingest, please report it with the log");
  }

  private static String adviceForFeedStatus(int status) {
    if (status == 401 || status == 403) {
      return "the site refuses ingest; check ingest.user-agent and whether the feed needs access, and "
          + CHECK_FEED_URL;
    }
    if (status == 429) {
      return "the site limits requests; raise ingest.feed-poll-interval";
    }
    if (status >= 500) {
      return "the site has a problem of its own; ingest tries again at every poll";
    }
    return CHECK_FEED_URL;
  }
}
