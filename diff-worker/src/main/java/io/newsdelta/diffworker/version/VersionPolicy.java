package io.newsdelta.diffworker.version;

import io.newsdelta.extract.ExtractorVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings the versioning rules depend on.
 *
 * @param extractorVersion the extraction rules producing the texts observed now; when an article's state was
 *     made with other rules, the article is re-baselined instead of announcing the extractor's own differences
 * @param appendOnlyPeriod at most one change per this period is announced for updates that only add text
 *     (live blogs); the additions in between are announced together
 */
public record VersionPolicy(String extractorVersion, Duration appendOnlyPeriod) {
  /** The rules of this build with the default period of {@code diff-worker.append-only-period}. */
  public static final VersionPolicy DEFAULT = new VersionPolicy(ExtractorVersion.CURRENT, Duration.ofMinutes(15));

  public VersionPolicy {
    Objects.requireNonNull(extractorVersion, "extractorVersion");
    Objects.requireNonNull(appendOnlyPeriod, "appendOnlyPeriod");
  }
}
