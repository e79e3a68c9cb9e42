package io.newsdelta.notifier.channel;

import io.newsdelta.events.CloudEvents;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs the change as its JSON, byte for byte as on the topic, with {@code Idempotency-Key}, the CloudEvents
 * binary-mode headers.
 */
public final class WebhookChannel implements Channel {
  private final String name;
  private final URI url;
  private final HttpPoster poster;
  private final Clock clock;

  /**
   * A webhook channel.
   *
   * @param secret not used yet
   */
  public WebhookChannel(String name, URI url, String secret, HttpPoster poster, Clock clock) {
    this.name = name;
    this.url = url;
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
    return headers;
  }
}
