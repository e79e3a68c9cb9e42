package io.newsdelta.notifier.subscription;

import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import io.newsdelta.notifier.channel.ChangeEvent;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether a change matches a subscription: every condition the subscription gives must hold. A pure function
 * (compiled patterns are cached, which changes no answer).
 */
public final class SubscriptionMatcher {
  private static final Map<String, Pattern> TEXT_PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();

  private SubscriptionMatcher() {}

  /** Whether {@code event} matches {@code s}, its feed being the one the change carries (if any). */
  public static boolean matches(SubscriptionConfig s, ChangeEvent event) {
    return matches(s, event, e -> e.feedUrl() == null ? Set.of() : Set.of(e.feedUrl()));
  }

  /**
   * Whether {@code event} matches {@code s}; {@code feedOf} gives the URL and name of the article's feed (asked
   * only when the subscription names feeds), and an entry of {@code feeds} matches either.
   */
  public static boolean matches(SubscriptionConfig s, ChangeEvent event, Function<ChangeEvent, Set<String>> feedOf) {
    ArticleChange c = event.change();
    if (!s.feeds().isEmpty() && s.feeds().stream().noneMatch(feedOf.apply(event)::contains)) {
      return false;
    }
    if (s.urlPattern() != null && !s.urlPattern().isBlank()) {
      Pattern glob = GLOBS.computeIfAbsent(s.urlPattern(), SubscriptionMatcher::glob);
      if (!(matchesWhole(glob, c.url()) || matchesWhole(glob, c.articleId()))) {
        return false;
      }
    }
    String kind = event.kind() == null ? "edit" : event.kind();
    if (!s.kinds().isEmpty() && !s.kinds().contains(kind)) {
      return false;
    }
    if (!kind.equals("edit")) {
      // A removal, move or restoration changes no words: the filters on edits (headline, size, minor, text)
      // do not apply to it; feeds, URL pattern and kinds do.
      return true;
    }
    if (Boolean.TRUE.equals(s.headlineChanged()) && !c.headlineChanged()) {
      return false;
    }
    if (s.minWords() != null && words(c) < s.minWords()) {
      return false;
    }
    if (Boolean.FALSE.equals(s.includeMinor()) && c.minor()) {
      return false;
    }
    if (!s.text().isEmpty()) {
      String changed = changedText(c);
      return s.text().stream().anyMatch(term -> TEXT_PATTERNS.computeIfAbsent(term, SubscriptionMatcher::text)
          .matcher(changed).find());
    }
    return true;
  }

  /** The words the change inserted and deleted, headline included when it changed; one hunk side per line. */
  static String changedText(ArticleChange c) {
    StringBuilder text = new StringBuilder();
    for (Hunk h : c.hunks()) {
      text.append(h.oldText() == null ? "" : h.oldText()).append('\n');
      text.append(h.newText() == null ? "" : h.newText()).append('\n');
    }
    if (c.headlineChanged()) {
      text.append(c.previousTitle() == null ? "" : c.previousTitle()).append('\n');
      text.append(c.title() == null ? "" : c.title()).append('\n');
    }
    return text.toString();
  }

  private static int words(ArticleChange c) {
    return c.stats() == null ? 0 : c.stats().wordsAdded() + c.stats().wordsRemoved();
  }

  private static boolean matchesWhole(Pattern p, String s) {
    return s != null && p.matcher(s).matches();
  }

  /** {@code *} any run of characters, {@code ?} one, everything else literal. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      if (ch == '*' || ch == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(ch == '*' ? ".*" : ".");
      } else {
        literal.append(ch);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** Words: whole words in any case, spaces matching any run of white space; {@code /re/} or {@code /re/i}: as written. */
  static Pattern text(String term) {
    if (SubscriptionConfig.isRegex(term)) {
      int flags = term.endsWith("/i") ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
      return Pattern.compile(SubscriptionConfig.regexBody(term), flags);
    }
    StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])");
    String[] words = term.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      re.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    re.append("(?![\\p{L}\\p{N}])");
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
