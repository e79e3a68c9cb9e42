package io.newsdelta.config;

import java.util.List;

/**
 * The diff worker's settings.
 *
 * @param threads stream threads in this instance
 * @param siteRules per-host extraction rules ({@code extract.sites})
 */
public record DiffWorkerConfig(int threads, List<SiteRule> siteRules) {
  public DiffWorkerConfig {
    siteRules = List.copyOf(siteRules);
  }
}
