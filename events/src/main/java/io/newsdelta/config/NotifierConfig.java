package io.newsdelta.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notifier's settings.
 *
 * @param httpBind the address the web pages are served on
 * @param httpPort the port of the web pages; 0 picks a free one
 * @param webhooks URLs each change is POSTed to as JSON (the short form of webhook channels)
 * @param maxAttempts delivery attempts per channel before the change goes to the dead-letter topic
 * @param initialBackoff the wait after the first failed attempt; doubled after each next one, with jitter
 * @param delivery retry, timeout and circuit-breaker settings
 * @param channels the configured channels (webhooks of the short form not included; see {@link #allChannels()})
 * @param subscriptions which changes go to which channels; none: every change to every channel
 * @param smtp the mail server, or null when no e-mail channel is configured
 * @param publicUrl the address the pages are reached at, for links in alerts
 * @param apiToken the bearer token of the subscription API, or null (the API then answers 503)
 */
public record NotifierConfig(
    String httpBind,
    int httpPort,
    List<URI> webhooks,
    int maxAttempts,
    Duration initialBackoff,
    Delivery delivery,
    List<ChannelConfig> channels,
    List<SubscriptionConfig> subscriptions,
    SmtpConfig smtp,
    URI publicUrl,
    String apiToken) {

  /**
   * How hard delivery tries, per channel.
   *
   * @param maxBackoff the longest wait between attempts (also caps a {@code Retry-After})
   * @param attemptTimeout one attempt's whole exchange: connect, headers and body
   * @param circuitFailures consecutive failed attempts that open the channel's circuit
   * @param circuitOpenFor how long an open circuit sends nothing before one trial attempt
   * @param maxInFlight changes in progress at once per channel (sending or waiting to retry); changes of one
   *     article are still sent one after the other, in order; 1 sends one change at a time per channel
   */
  public record Delivery(
      Duration maxBackoff, Duration attemptTimeout, int circuitFailures, Duration circuitOpenFor, int maxInFlight) {
    /** Changes in progress per channel unless configured. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 8;

    /** The defaults of the README. */
    public static final Delivery DEFAULTS =
        new Delivery(Duration.ofMinutes(10), Duration.ofSeconds(10), 5, Duration.ofSeconds(30), DEFAULT_MAX_IN_FLIGHT);

    public Delivery {
      NotifierKeys.MAX_BACKOFF.check(maxBackoff);
      NotifierKeys.ATTEMPT_TIMEOUT.check(attemptTimeout);
      NotifierKeys.CIRCUIT_FAILURES.check(circuitFailures);
      NotifierKeys.CIRCUIT_OPEN_FOR.check(circuitOpenFor);
      NotifierKeys.MAX_IN_FLIGHT.check(maxInFlight);
    }

    /** The same with {@link #DEFAULT_MAX_IN_FLIGHT} changes in progress per channel. */
    public Delivery(Duration maxBackoff, Duration attemptTimeout, int circuitFailures, Duration circuitOpenFor) {
      this(maxBackoff, attemptTimeout, circuitFailures, circuitOpenFor, DEFAULT_MAX_IN_FLIGHT);
    }
  }

  public NotifierConfig {
    webhooks = List.copyOf(webhooks);
    channels = channels == null ? List.of() : List.copyOf(channels);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    delivery = delivery == null ? Delivery.DEFAULTS : delivery;
    publicUrl = publicUrl == null ? URI.create("http://" + httpBind + ":" + httpPort) : publicUrl;
    NotifierKeys.HTTP_PORT.check(httpPort);
    for (int i = 0; i < webhooks.size(); i++) {
      Check.httpUrl("notifier.webhooks[" + i + "]", webhooks.get(i));
    }
    NotifierKeys.MAX_ATTEMPTS.check(maxAttempts);
    NotifierKeys.INITIAL_BACKOFF.check(initialBackoff);
    Check.httpUrl("notifier.public-url", publicUrl);
    Set<String> names = new HashSet<>();
    for (ChannelConfig c : channels) {
      if (!names.add(c.name())) {
        throw ConfigException.badValue("notifier.channels", c.name(), "unique channel names");
      }
      if (c.kind().equals("email") && smtp == null) {
        throw ConfigException.badValue("notifier.smtp.host", "", "an SMTP server: channel " + c.name() + " sends e-mail");
      }
    }
    for (URI w : webhooks) {
      names.add(ChannelConfig.webhook(w).name());
    }
    Set<String> subscriptionNames = new HashSet<>();
    for (SubscriptionConfig s : subscriptions) {
      if (!subscriptionNames.add(s.name())) {
        throw ConfigException.badValue("notifier.subscriptions", s.name(), "unique subscription names");
      }
      for (String channel : s.channels()) {
        if (!names.contains(channel)) {
          throw ConfigException.badValue(
              "notifier.subscriptions[" + s.name() + "].channels", channel, "one of the channel names " + names);
        }
      }
    }
    if (apiToken != null) {
      NotifierKeys.API_TOKEN.check(apiToken);
    }
  }

  /** Today's five settings, everything else at its default. */
  public NotifierConfig(String httpBind, int httpPort, List<URI> webhooks, int maxAttempts, Duration initialBackoff) {
    this(httpBind, httpPort, webhooks, maxAttempts, initialBackoff, null, null, null, null, null, null);
  }

  /** The same settings with other channels and subscriptions. */
  public NotifierConfig withChannels(List<ChannelConfig> channels, List<SubscriptionConfig> subscriptions) {
    return new NotifierConfig(httpBind, httpPort, webhooks, maxAttempts, initialBackoff, delivery, channels,
        subscriptions, smtp, publicUrl, apiToken);
  }

  /** The same settings with other delivery settings. */
  public NotifierConfig withDelivery(Delivery delivery) {
    return new NotifierConfig(httpBind, httpPort, webhooks, maxAttempts, initialBackoff, delivery, channels,
        subscriptions, smtp, publicUrl, apiToken);
  }

  /** The same settings with a mail server. */
  public NotifierConfig withSmtp(SmtpConfig smtp) {
    return new NotifierConfig(httpBind, httpPort, webhooks, maxAttempts, initialBackoff, delivery, channels,
        subscriptions, smtp, publicUrl, apiToken);
  }

  /** The same settings with a public address and an API token. */
  public NotifierConfig withApi(URI publicUrl, String apiToken) {
    return new NotifierConfig(httpBind, httpPort, webhooks, maxAttempts, initialBackoff, delivery, channels,
        subscriptions, smtp, publicUrl, apiToken);
  }

  /** The configured channels and one webhook channel per short-form URL, in that order. */
  public List<ChannelConfig> allChannels() {
    List<ChannelConfig> all = new ArrayList<>(channels);
    webhooks.forEach(w -> all.add(ChannelConfig.webhook(w)));
    return all;
  }

  /** Never the API token. */
  @Override
  public String toString() {
    return "NotifierConfig[" + httpBind + ":" + httpPort + ", channels " + allChannels() + ", subscriptions "
        + subscriptions.size() + ", api " + (apiToken == null ? "off" : "on") + "]";
  }
}
