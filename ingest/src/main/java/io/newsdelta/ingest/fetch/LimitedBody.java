package io.newsdelta.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit, cancelling the download as soon as the limit is passed, so a
 * huge page never sits in memory. Can also refuse a body outright (cancel at once) when the status or
 * Content-Type already says it is not wanted.
 */
final class LimitedBody implements BodySubscriber<byte[]> {
  /** The body passed the limit; the download was cancelled. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("body larger than " + limit + " bytes");
    }
  }

  /** The body was refused before it was read, for its Content-Type. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    private final String contentType;

    Refused(String contentType) {
      super("Content-Type " + contentType);
      this.contentType = contentType;
    }

    /** The Content-Type that was refused (null when absent). */
    String contentType() {
      return contentType;
    }
  }

  /** The exchange took longer than the fetch timeout; the download was cancelled. */
  static final class Aborted extends IOException {
    private static final long serialVersionUID = 1L;

    Aborted() {
      super("aborted");
    }
  }

  /**
   * A discarded body (a 304, a redirect, an error page) is read and dropped up to this many bytes, so the
   * connection goes back to the pool; cancelling it instead closes the connection, and at thousands of 304s a
   * second every check then paid for a new TCP connection. A longer one is cancelled after all.
   */
  static final long DISCARD_LIMIT = 64 * 1024;

  private final long limit;
  private final IOException refusal;
  private final boolean discard;
  private long discarded;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;

  private LimitedBody(long limit, IOException refusal) {
    this(limit, refusal, false);
  }

  private LimitedBody(long limit, IOException refusal, boolean discard) {
    this.limit = limit;
    this.refusal = refusal;
    this.discard = discard;
  }

  /** Reads at most {@code limit} bytes; more fails the body with {@link TooLarge}. */
  static LimitedBody upTo(long limit) {
    return new LimitedBody(limit, null);
  }

  /** Does not read the body; fails it with {@code refusal}. */
  static LimitedBody refusing(IOException refusal) {
    return new LimitedBody(0, refusal);
  }

  /**
   * Reads the body without keeping it (up to {@link #DISCARD_LIMIT}, then cancels) and completes it empty: for
   * 304s, redirects and error statuses, whose body nobody needs but whose connection is worth keeping.
   */
  static LimitedBody discarding() {
    return new LimitedBody(DISCARD_LIMIT, null, true);
  }

  /**
   * Cancels the download (the whole-exchange timeout passed): the JDK client's own request timeout stops
   * counting once the headers are in, so an endless or stalled body is only stopped this way.
   */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    body.completeExceptionally(new Aborted());
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (refusal != null) {
      s.cancel();
      body.completeExceptionally(refusal);
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    if (discard) {
      for (ByteBuffer item : items) {
        discarded += item.remaining();
        item.position(item.limit());
      }
      if (discarded > limit) {
        subscription.cancel();
        body.complete(new byte[0]);
      }
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if ((long) out.size() + n > limit) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
        return;
      }
      if (item.hasArray()) {
        out.write(item.array(), item.arrayOffset() + item.position(), n);
        item.position(item.limit());
      } else {
        byte[] chunk = new byte[n];
        item.get(chunk);
        out.write(chunk, 0, n);
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    body.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    body.complete(discard ? new byte[0] : out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
