package io.newsdelta.notifier.webhook;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.CloudEvents;
import io.newsdelta.events.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs a change as its JSON with {@link java.net.http.HttpClient}: {@code Content-Type: application/json},
 * {@code Idempotency-Key: <changeId>}, {@code User-Agent: newsdelta/0.1} and the CloudEvents binary-mode
 * HTTP headers ({@code ce-id}, {@code ce-type}, {@code ce-source}, {@code ce-specversion}, {@code ce-time}).
 */
public final class HttpSender implements Sender {
  /** The User-Agent of every webhook request. */
  public static final String USER_AGENT = "newsdelta/0.1";

  private final HttpClient client;
  private final Duration requestTimeout;

  /** A sender that gives up on an attempt after {@code connectTimeout} to connect or {@code requestTimeout} in all. */
  public HttpSender(Duration connectTimeout, Duration requestTimeout) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
  }

  @Override
  public Attempt send(URI webhook, ArticleChange change, String source) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(webhook)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .header("Idempotency-Key", headerValue(change.changeId()))
            .header("ce-id", headerValue(change.changeId()))
            .header("ce-type", CloudEvents.TYPE_ARTICLE_CHANGE)
            .header("ce-source", headerValue(source))
            .header("ce-specversion", "1.0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(change)));
    if (change.toObservedAt() != null) {
      request.header("ce-time", change.toObservedAt().toString());
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return Attempt.delivered(status);
      }
      return Attempt.rejected(status, "HTTP " + status + " from " + webhook + excerpt(response.body()));
    } catch (HttpConnectTimeoutException e) {
      return Attempt.unreachable("no connection to " + webhook + " within the connect timeout");
    } catch (HttpTimeoutException e) {
      return Attempt.unreachable("no answer from " + webhook + " within " + requestTimeout.toSeconds() + " s");
    } catch (ConnectException e) {
      return Attempt.unreachable("connection refused by " + webhook + " (is the receiver running?)");
    } catch (IOException e) {
      return Attempt.unreachable("I/O error talking to " + webhook + ": " + e);
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().replaceAll("\\s+", " ");
    return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
  }

  /**
   * Header values must be printable ASCII; an article id with other characters (an IRI) is sent with just
   * those characters percent-encoded as UTF-8, which keeps the value stable for the same change. Plain ids
   * pass through unchanged.
   */
  static String headerValue(String value) {
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
}
