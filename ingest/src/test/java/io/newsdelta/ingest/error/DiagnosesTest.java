package io.newsdelta.ingest.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.FetchException.Reason;
import io.newsdelta.ingest.poll.FeedParseException;
import io.newsdelta.ingest.poll.FeedParseException.Problem;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiagnosesTest {
  private static final URI FEED = URI.create("http://x/rss");
  private static final URI PAGE = URI.create("http://x/a/1");
  private static final Instant NEXT = Instant.parse("2025-03-01T10:05:00Z");

  @Test
  void shouldTellTheOperatorToCheckTheFeedUrlOnA404() {
    Diagnosis d = Diagnoses.feedFetch(FEED, status(FEED, 404));

    assertThat(d.kind().kind()).isEqualTo("feed-http-status");
    assertThat(d.message()).isEqualTo("Feed http://x/rss returned HTTP 404; check the URL in feeds[] of newsdelta.yml");
  }

  @Test
  void shouldCallARefusedConnectionOrATimeoutUnreachable() {
    Diagnosis refused = Diagnoses.feedFetch(FEED, FetchException.transport(FEED, new ConnectException()));
    Diagnosis timedOut =
        Diagnoses.feedFetch(FEED, FetchException.transport(FEED, new HttpConnectTimeoutException("timed out")));

    assertThat(refused.kind()).isEqualTo(ErrorKind.FEED_UNREACHABLE);
    assertThat(refused.message()).contains("http://x/rss", "connection refused", "feeds[]");
    assertThat(timedOut.kind()).isEqualTo(ErrorKind.FEED_UNREACHABLE);
    assertThat(timedOut.message()).contains("no response within the fetch timeout");
  }

  @Test
  void shouldAdviseWaitingOnAServerErrorAndTheUserAgentOnAForbidden() {
    assertThat(Diagnoses.feedFetch(FEED, status(FEED, 503)).message()).contains("HTTP 503", "tries again");
    assertThat(Diagnoses.feedFetch(FEED, status(FEED, 403)).message()).contains("ingest.user-agent");
    assertThat(Diagnoses.feedFetch(FEED, status(FEED, 429)).message()).contains("ingest.feed-poll-interval");
  }

  @Test
  void shouldSortFeedDocumentsThatAreNotFeeds() {
    Diagnosis notXml =
        Diagnoses.feedParse(FEED, "text/html", new FeedParseException(Problem.NOT_XML, "not well-formed", null));
    Diagnosis notFeed =
        Diagnoses.feedParse(FEED, null, new FeedParseException(Problem.NOT_A_FEED, "sitemap", null));

    assertThat(notXml.kind().kind()).isEqualTo("feed-not-xml");
    assertThat(notXml.message()).contains("is not XML (served as text/html)", "not a web page");
    assertThat(notFeed.kind().kind()).isEqualTo("feed-not-a-feed");
  }

  @Test
  void shouldSortPageFailuresAndSayWhenThePageIsTriedAgain() {
    Diagnosis notFound = Diagnoses.pageFetch(PAGE, status(PAGE, 404), NEXT);
    Diagnosis tooLarge =
        Diagnoses.pageFetch(PAGE, new FetchException(PAGE, Reason.TOO_LARGE, 200, null, "larger than 10 bytes", null),
            null);
    Diagnosis pdf =
        Diagnoses.pageFetch(PAGE,
            new FetchException(PAGE, Reason.UNACCEPTED_CONTENT_TYPE, 200, "application/pdf", "pdf", null), NEXT);
    Diagnosis down = Diagnoses.pageFetch(PAGE, FetchException.transport(PAGE, new ConnectException()), NEXT);

    assertThat(notFound.kind().kind()).isEqualTo("page-http-status");
    assertThat(notFound.message()).isEqualTo(
        "Page http://x/a/1 returned HTTP 404; it is fetched again at its next check, 2025-03-01T10:05:00Z");
    assertThat(tooLarge.kind().kind()).isEqualTo("page-too-large");
    assertThat(tooLarge.message()).contains("ingest.max-page-bytes", "no more checks are scheduled");
    assertThat(pdf.kind().kind()).isEqualTo("page-not-html");
    assertThat(pdf.message()).contains("application/pdf, not HTML");
    assertThat(down.kind().kind()).isEqualTo("page-unreachable");
  }

  @Test
  void shouldGiveThePageKindWithoutAMessage() {
    assertThat(Diagnoses.pageKind(status(PAGE, 500))).isEqualTo(ErrorKind.PAGE_HTTP_STATUS);
  }

  @Test
  void shouldCallAnUnexpectedExceptionABug() {
    Diagnosis d = Diagnoses.unexpected("polling feed http://x/rss", new IllegalStateException("boom"));

    assertThat(d.kind().kind()).isEqualTo("internal-error");
    assertThat(d.message()).contains("IllegalStateException", "boom", "bug");
  }

  private static FetchException status(URI uri, int status) {
    return new FetchException(uri, Reason.HTTP_STATUS, status, "text/html", "HTTP " + status, null);
  }
}
