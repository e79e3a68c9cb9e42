package io.newsdelta.notifier.channel;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.CloudEvents;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs the change as its JSON, byte for byte as on the topic, with {@code Idempotency-Key}, the CloudEvents
 * binary-mode headers and, when the channel has a {@code whsec_} secret, a Standard Webhooks signature
 * ({@code webhook-id} = the change id on every attempt, {@code webhook-timestamp}, {@code webhook-signature})
 * made by the Standard Webhooks reference library.
 */
public final class WebhookChannel implements Channel {
  private final String name;
  private final URI url;
  private final Webhook signer;
  private final HttpPoster poster;
  private final Clock clock;

  /**
   * A webhook channel.
   *
   * @param secret {@code whsec_<base64>}, or null to send unsigned
   */
  public WebhookChannel(String name, URI url, String secret, HttpPoster poster, Clock clock) {
    this.name = name;
    this.url = url;
    this.signer = secret == null ? null : new Webhook(secret);
    this.poster = poster;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt send(ChangeEvent event) throws InterruptedException {
    return poster.post(url, headers(event), event.json());
  }

  /** Every header of one attempt; the signature is made afresh each time, over the exact body sent. */
  Map<String, String> headers(ChangeEvent event) {
    String id = HttpPoster.headerValue(event.change().changeId());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Idempotency-Key", id);
    headers.put("ce-id", id);
    headers.put("ce-type", CloudEvents.TYPE_ARTICLE_CHANGE);
    headers.put("ce-source", HttpPoster.headerValue(event.source()));
    headers.put("ce-specversion", "1.0");
    if (event.change().toObservedAt() != null) {
      headers.put("ce-time", event.change().toObservedAt().toString());
    }
    if (signer != null) {
      long timestamp = clock.instant().getEpochSecond();
      headers.put("webhook-id", id);
      headers.put("webhook-timestamp", Long.toString(timestamp));
      headers.put("webhook-signature", signature(signer, id, timestamp, event.json()));
    }
    return headers;
  }

  /** {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} with the key of {@code signer}. */
  static String signature(Webhook signer, String id, long timestamp, byte[] body) {
    try {
      return signer.sign(id, timestamp, new String(body, StandardCharsets.UTF_8));
    } catch (WebhookSigningException e) {
      throw new NewsdeltaException("cannot sign webhook " + id + ": " + e.getMessage(), e);
    }
  }
}
