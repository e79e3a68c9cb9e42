package io.newsdelta.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The notifier's settings.
 *
 * @param httpBind the address the web pages are served on
 * @param httpPort the port of the web pages; 0 picks a free one
 * @param webhooks URLs each change is POSTed to as JSON
 * @param maxAttempts delivery attempts per webhook before the change goes to the dead-letter topic
 * @param initialBackoff the wait after the first failed attempt; doubled after each next one
 */
public record NotifierConfig(
    String httpBind, int httpPort, List<URI> webhooks, int maxAttempts, Duration initialBackoff) {
  public NotifierConfig {
    webhooks = List.copyOf(webhooks);
    Check.range("notifier.http.port", httpPort, 0, 65535);
    for (int i = 0; i < webhooks.size(); i++) {
      Check.httpUrl("notifier.webhooks[" + i + "]", webhooks.get(i));
    }
    Check.range("notifier.retry.max-attempts", maxAttempts, 1, 100);
    Check.notNegative("notifier.retry.initial-backoff", initialBackoff);
  }
}
