package io.newsdelta.config;

import java.nio.file.Path;
import java.util.List;

/** The {@code stories.*} keys and how they make {@link StoriesConfig}. */
public final class StoriesKeys {
  public static final Key<Boolean> ENABLED = Key.of("stories.enabled", Type.bool(), true,
      "whether the stories job (one story across outlets) runs");
  public static final Key<Double> THRESHOLD = Key.of("stories.threshold",
      Type.decimal("a number above 0 and at most 1, such as 0.03", t -> t > 0 && t <= 1),
      StoriesConfig.DEFAULT_THRESHOLD,
      "estimated Jaccard similarity (5-word shingles) from which two outlets' articles are one story. An "
          + "outlet's own articles at different URLs need at least 0.5 (see [docs/stories.md](docs/stories.md))");
  public static final Key<Path> STATE_DIR = Key.of("stories.state-dir", Type.path(), Path.of("./data/stories"),
      "local copy of the stories job's band and article stores (restored from Kafka when lost)");

  public static final List<Key<?>> ALL = List.of(ENABLED, THRESHOLD, STATE_DIR);

  private StoriesKeys() {}

  static StoriesConfig bind(ConfigTree v) {
    return new StoriesConfig(v.get(ENABLED), v.get(THRESHOLD), v.get(STATE_DIR));
  }
}
