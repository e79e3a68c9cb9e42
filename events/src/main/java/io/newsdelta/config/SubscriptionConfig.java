package io.newsdelta.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which changes go to which channels ({@code notifier.subscriptions}, the topic
 * {@code newsdelta.subscriptions} and the subscription API use this one shape). Every condition given must
 * hold; one left out (null or empty) matches everything.
 *
 * @param name unique name
 * @param feeds feed URLs the article came from
 * @param urlPattern glob over the article URL ({@code *} any run of characters, {@code ?} one)
 * @param text words (whole words, any case) or {@code /regex/} found in the inserted or deleted text
 * @param headlineChanged true: only changes of the headline
 * @param minWords the least words added plus removed
 * @param includeMinor false leaves minor changes out (default true)
 * @param kinds change kinds: {@code edit}, {@code removed}, {@code moved}, {@code restored}
 * @param channels where the matching changes go, by channel name
 * @param digest e-mail channels only: collect this subscription's changes for this long ({@code 1h}, any
 *     duration) and mail them as one digest per period; null sends each change at once (or in the channel's own
 *     {@code digest})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionConfig(
    String name,
    List<String> feeds,
    @JsonProperty("url-pattern") String urlPattern,
    List<String> text,
    @JsonProperty("headline-changed") Boolean headlineChanged,
    @JsonProperty("min-words") Integer minWords,
    @JsonProperty("include-minor") Boolean includeMinor,
    List<String> kinds,
    List<String> channels,
    String digest) {
  /** The change kinds of DESIGN.md. */
  public static final List<String> KINDS = List.of("edit", "removed", "moved", "restored");

  public SubscriptionConfig {
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    text = text == null ? List.of() : List.copyOf(text);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    channels = channels == null ? List.of() : List.copyOf(channels);
    String key = "notifier.subscriptions[" + name + "]";
    Check.notBlank("notifier.subscriptions[].name", name, "a name for the subscription, such as politics");
    if (channels.isEmpty()) {
      throw ConfigException.badValue(key + ".channels", channels, "at least one channel name");
    }
    if (minWords != null && minWords < 0) {
      throw ConfigException.badValue(key + ".min-words", minWords, "a whole number of 0 or more");
    }
    for (String kind : kinds) {
      if (!KINDS.contains(kind)) {
        throw ConfigException.badValue(key + ".kinds", kind, "one of " + KINDS);
      }
    }
    if (digest != null) {
      try {
        Check.positive(key + ".digest", Durations.parse(digest));
      } catch (IllegalArgumentException e) {
        throw ConfigException.badValue(key + ".digest", digest, "a duration such as 1h or 30m");
      }
    }
    for (String term : text) {
      if (term == null || term.isBlank()) {
        throw ConfigException.badValue(key + ".text", "", "words or a /regex/");
      }
      if (isRegex(term)) {
        try {
          Pattern.compile(regexBody(term));
        } catch (PatternSyntaxException e) {
          throw ConfigException.badValue(key + ".text", term, "a valid regular expression: " + e.getDescription());
        }
      }
    }
  }

  /** A subscription that sends its changes at once (no digest of its own). */
  public SubscriptionConfig(String name, List<String> feeds, String urlPattern, List<String> text,
      Boolean headlineChanged, Integer minWords, Boolean includeMinor, List<String> kinds, List<String> channels) {
    this(name, feeds, urlPattern, text, headlineChanged, minWords, includeMinor, kinds, channels, null);
  }

  /** The digest period, or null when this subscription has none. */
  public java.time.Duration digestPeriod() {
    return digest == null ? null : Durations.parse(digest);
  }

  /** Whether a text term is a {@code /regex/} (or {@code /regex/i}, any case) rather than words. */
  public static boolean isRegex(String term) {
    return term.length() >= 2 && term.startsWith("/") && (term.endsWith("/") || term.endsWith("/i"))
        && term.lastIndexOf('/') > 0;
  }

  /** The expression between the slashes. */
  public static String regexBody(String term) {
    return term.substring(1, term.lastIndexOf('/'));
  }
}
