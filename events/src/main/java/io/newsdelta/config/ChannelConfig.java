package io.newsdelta.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One place alerts go ({@code notifier.channels}; each URL in {@code notifier.webhooks} is a webhook channel
 * named {@code webhook:<url>}).
 *
 * @param name unique name; subscriptions, the dead-letter topic and the consumer group
 *     {@code newsdelta-notifier-<name>} use it
 * @param kind one of {@link #KINDS}
 * @param url where to POST (every kind but {@code email}); Telegram: {@code https://api.telegram.org/bot<TOKEN>}
 * @param secret webhooks only: the Standard Webhooks key {@code whsec_<base64>}, or null for unsigned
 * @param chatId Telegram only: the chat to post to
 * @param to e-mail only: the recipients
 * @param digest e-mail only: collect the channel's changes for this long and send them as one mail (a digest);
 *     null sends each change as it comes
 */
public record ChannelConfig(
    String name, String kind, URI url, String secret, String chatId, List<String> to, Duration digest) {
  /** The kinds of channel. */
  public static final Set<String> KINDS =
      Set.of("webhook", "slack", "mattermost", "rocketchat", "discord", "teams", "ntfy", "telegram", "email");

  public ChannelConfig {
    to = to == null ? List.of() : List.copyOf(to);
    String key = "notifier.channels[" + name + "]";
    Check.notBlank("notifier.channels[].name", name, "a name for the channel, such as desk-slack");
    kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw ConfigException.badValue(key + ".kind", kind, "one of " + KINDS.stream().sorted().toList());
    }
    if (kind.equals("email")) {
      if (to.isEmpty()) {
        throw ConfigException.badValue(key + ".to", to, "at least one e-mail address");
      }
      if (digest != null) {
        Check.positive(key + ".digest", digest);
      }
    } else {
      if (digest != null) {
        throw ConfigException.badValue(key + ".digest", digest, "no digest: only email channels send digests");
      }
      if (url == null) {
        throw ConfigException.badValue(key + ".url", "", "an absolute http(s) URL");
      }
      Check.httpUrl(key + ".url", url);
    }
    if (secret != null && !secret.startsWith("whsec_")) {
      throw ConfigException.badValue(key + ".secret", "(hidden)", "a Standard Webhooks secret: whsec_ then base64");
    }
    if (secret != null) {
      try {
        java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()));
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key + ".secret", "(hidden)", "whsec_ followed by base64");
      }
    }
    if (kind.equals("telegram")) {
      Check.notBlank(key + ".chat-id", chatId, "the Telegram chat id, such as 123456");
    }
  }

  /** The short form: a webhook named after its URL. */
  public static ChannelConfig webhook(URI url) {
    return new ChannelConfig("webhook:" + url, "webhook", url, null, null, List.of(), null);
  }

  /** Never the secret: names and URLs only (a Telegram URL holds its token, so only its host is shown). */
  @Override
  public String toString() {
    String where = kind.equals("telegram") && url != null ? url.getScheme() + "://" + url.getHost() + "/bot…" : String.valueOf(url);
    return "ChannelConfig[" + name + ", " + kind + ", " + (kind.equals("email") ? to : where) + "]";
  }
}
