package io.newsdelta.config;

import java.util.List;

/**
 * The diff worker's settings.
 *
 * @param threads stream threads in this instance
 * @param stateDir where the local copy of the per-article state lives (restored from Kafka when lost)
 * @param siteRules per-host extraction rules ({@code extract.sites})
 */
public record DiffWorkerConfig(int threads, java.nio.file.Path stateDir, List<SiteRule> siteRules) {
  public DiffWorkerConfig {
    siteRules = List.copyOf(siteRules);
    Check.range("diff-worker.threads", threads, 1, 64);
  }
}
