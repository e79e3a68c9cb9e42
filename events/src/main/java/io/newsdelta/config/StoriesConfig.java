package io.newsdelta.config;

import java.nio.file.Path;

/**
 * The stories job's settings (one story across outlets).
 *
 * @param enabled whether the job runs ({@code stories.enabled})
 * @param threshold the estimated Jaccard similarity of two outlets' articles (5-word shingles) from which they are
 *     one story ({@code stories.threshold}); an outlet's own articles need at least 0.5
 * @param stateDir where the local copy of the band and article stores lives ({@code stories.state-dir}; restored
 *     from Kafka when lost)
 */
public record StoriesConfig(boolean enabled, double threshold, Path stateDir) {
  /** The measured default threshold (docs/benchmarks.md, "Stories"). */
  public static final double DEFAULT_THRESHOLD = 0.03;

  public StoriesConfig {
    StoriesKeys.THRESHOLD.check(threshold);
    if (stateDir == null) {
      throw ConfigException.badValue("stories.state-dir", "", "a directory path such as ./data/stories");
    }
  }

  /** The defaults. */
  public static StoriesConfig defaults() {
    return new StoriesConfig(true, DEFAULT_THRESHOLD, Path.of("./data/stories"));
  }
}
