package io.newsdelta.config;

import java.util.List;

/**
 * A per-site extraction rule that overrides the generic extractor for one host.
 *
 * @param host the host it applies to (and its subdomains), for example {@code www.bbc.co.uk}
 * @param body CSS selector of the article body, or null to keep the generic body
 * @param title CSS selector of the headline, or null
 * @param drop CSS selectors of parts to remove before extraction
 */
public record SiteRule(String host, String body, String title, List<String> drop) {
  public SiteRule {
    drop = drop == null ? List.of() : List.copyOf(drop);
  }
}
