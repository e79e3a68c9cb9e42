package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.fetch.FetchException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class FetchExceptionTest {
  private static final URI URL = URI.create("http://x/rss");

  @Test
  void shouldSortTimeoutsWhereverTheyAreInTheCauseChain() {
    assertThat(FetchException.transport(URL, new HttpTimeoutException("request timed out")).reason())
        .isEqualTo(Reason.TIMEOUT);
    assertThat(FetchException.transport(URL, new TimeoutException()).reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(FetchException.transport(URL, new CompletionException(new HttpTimeoutException("t"))).reason())
        .isEqualTo(Reason.TIMEOUT);
  }

  @Test
  void shouldSortConnectionFailuresAsUnreachableWithAReadableDetail() {
    FetchException refused = FetchException.transport(URL, new CompletionException(new ConnectException()));
    FetchException unknown = FetchException.transport(URL, new UnknownHostException("nowhere.example"));
    FetchException reset = FetchException.transport(URL, new IOException("connection reset"));

    assertThat(refused.reason()).isEqualTo(Reason.UNREACHABLE);
    assertThat(refused.detail()).isEqualTo("connection refused");
    assertThat(unknown.detail()).isEqualTo("unknown host");
    assertThat(reset.detail()).contains("connection reset");
    assertThat(reset.getMessage()).startsWith("http://x/rss: ");
    assertThat(reset.status()).isZero();
  }
}
