package io.newsdelta.notifier.channel;

import io.newsdelta.net.AddressPolicy;
import io.newsdelta.net.AddressRefusedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * POSTs to one endpoint with a client of its own (a bulkhead: one endpoint's connections never wait for
 * another's). The timeout covers the whole exchange — connect, headers and the body to its last byte — because
 * the JDK client's own request timeout stops counting once the headers arrive, and a peer that sends headers
 * and then stalls the body would otherwise hold the attempt for ever.
 */
public final class HttpPoster implements AutoCloseable {
  /** The User-Agent of every request. */
  public static final String USER_AGENT = "newsdelta/0.1";
  private static final int MAX_ANSWER_CHARS = 200;

  private final HttpClient client;
  private final Duration timeout;
  private final AddressPolicy addressPolicy;
  /** The attempts' timeouts: a timer thread that only interrupts, it does no work. */
  private final ScheduledThreadPoolExecutor timeouts = watchdog();

  /** A poster to public addresses only that gives up on an attempt after {@code timeout} in all. */
  public HttpPoster(Duration timeout) {
    this(timeout, AddressPolicy.PUBLIC_ONLY);
  }

  /**
   * A poster that gives up on an attempt after {@code timeout} in all and sends nothing to an endpoint whose
   * host resolves to an address {@code addressPolicy} refuses ({@code network.allow}).
   */
  public HttpPoster(Duration timeout, AddressPolicy addressPolicy) {
    this.timeout = timeout;
    this.addressPolicy = addressPolicy;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** POSTs {@code body} with {@code headers} (Content-Type among them) and reads the whole answer. */
  public Attempt post(URI url, Map<String, String> headers, byte[] body) throws InterruptedException {
    return post(url, url.toString(), headers, body);
  }

  /**
   * The same, naming the endpoint {@code shownAs} in errors (a Telegram URL holds its token, which must not
   * reach a log or the dead-letter topic).
   */
  public Attempt post(URI url, String shownAs, Map<String, String> headers, byte[] body) throws InterruptedException {
    try {
      // Redirects are not followed, so the endpoint's own addresses are the only ones to check.
      addressPolicy.check(url);
    } catch (AddressRefusedException e) {
      return Attempt.refused(shownAs + " " + e.detail());
    } catch (UnknownHostException e) {
      return Attempt.unreachable("the host of " + shownAs + " does not resolve (" + e.getMessage() + ")");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    // The blocking send, not sendAsync: the JDK's sendAsync finishes every exchange on the CompletableFuture
    // default executor, which on a machine of 2 cores or fewer starts a new thread for each task — a thread per
    // delivery, most of the CPU one cost. The whole-exchange timeout is kept by a watchdog that interrupts the
    // sending thread, and send() cancels its exchange when interrupted.
    Watchdog watchdog = new Watchdog(Thread.currentThread());
    watchdog.task = timeouts.schedule(watchdog::fire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return Attempt.delivered(status);
      }
      return Attempt.rejected(
          status, "HTTP " + status + " from " + shownAs + excerpt(response.body()),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null), ZonedDateTime.now()));
    } catch (InterruptedException e) {
      if (watchdog.finish()) {
        return Attempt.unreachable(
            "no complete answer from " + shownAs + " within " + timeout.toMillis() + " ms (connect, headers and body)");
      }
      throw e;
    } catch (HttpConnectTimeoutException e) {
      return Attempt.unreachable("no connection to " + shownAs + " within " + timeout.toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      watchdog.finish();
      return Attempt.unreachable(
          "no complete answer from " + shownAs + " within " + timeout.toMillis() + " ms (connect, headers and body)");
    } catch (ConnectException e) {
      return Attempt.unreachable("connection refused by " + shownAs + " (is the receiver running?)");
    } catch (IOException e) {
      if (watchdog.finish()) {
        return Attempt.unreachable(
            "no complete answer from " + shownAs + " within " + timeout.toMillis() + " ms (connect, headers and body)");
      }
      return Attempt.unreachable("I/O error talking to " + shownAs + ": " + e);
    } finally {
      watchdog.finish();
    }
  }

  /**
   * Interrupts the sending thread once the attempt's time is up, and never after the attempt ended: both sides
   * take the same lock, so an interrupt it sent is always seen (and cleared) by {@link #finish()}.
   */
  private static final class Watchdog {
    private final Thread sender;
    private ScheduledFuture<?> task;
    private boolean finished;
    private boolean fired;

    Watchdog(Thread sender) {
      this.sender = sender;
    }

    synchronized void fire() {
      if (!finished) {
        fired = true;
        sender.interrupt();
      }
    }

    /** Ends the watch; true when it fired (its interrupt is cleared then). */
    synchronized boolean finish() {
      if (!finished) {
        finished = true;
        task.cancel(false);
      }
      if (fired) {
        Thread.interrupted();
      }
      return fired;
    }
  }

  /**
   * The wait a {@code Retry-After} value asks for: delay-seconds or an HTTP date; null when absent or unreadable.
   */
  static Duration retryAfter(String value, ZonedDateTime now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      try {
        Duration until = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "notifier-attempt-timeouts");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true); // a cancelled timeout is gone at once, not kept until it is due
    timer.setKeepAliveTime(30, TimeUnit.SECONDS); // an idle poster keeps no thread
    timer.allowCoreThreadTimeOut(true);
    return timer;
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return ": " + (line.length() > MAX_ANSWER_CHARS ? line.substring(0, MAX_ANSWER_CHARS) + "…" : line);
  }

  /**
   * Header values must be printable ASCII; an id with other characters (an IRI) is sent with just those
   * characters percent-encoded as UTF-8, which keeps the value stable for the same change.
   */
  public static String headerValue(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 0x20 && c <= 0x7e) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    // HttpClient is AutoCloseable only from Java 21; its threads end once it is unreachable.
    timeouts.shutdownNow();
  }
}
