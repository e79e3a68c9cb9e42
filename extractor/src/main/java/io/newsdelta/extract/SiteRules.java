package io.newsdelta.extract;

import io.newsdelta.config.SiteRule;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the site rule for a URL: the rule whose host is the URL's host or a parent domain of it. */
final class SiteRules {

  private final List<SiteRule> rules;

  SiteRules(List<SiteRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** All rules, in the order given. */
  List<SiteRule> all() {
    return rules;
  }

  /** The most specific rule for {@code url}, if any. */
  Optional<SiteRule> forUrl(String url) {
    if (rules.isEmpty() || url == null) {
      return Optional.empty();
    }
    String host;
    try {
      host = URI.create(url.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host == null) {
      return Optional.empty();
    }
    String h = host.toLowerCase(Locale.ROOT);
    SiteRule best = null;
    for (SiteRule rule : rules) {
      String r = rule.host().toLowerCase(Locale.ROOT);
      if ((h.equals(r) || h.endsWith("." + r))
          && (best == null || r.length() > best.host().length())) {
        best = rule;
      }
    }
    return Optional.ofNullable(best);
  }
}
