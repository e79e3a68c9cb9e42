package io.newsdelta.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every configuration key newsdelta understands: the keys each service declares ({@link KafkaKeys},
 * {@link IngestKeys}, {@link DiffWorkerKeys}, {@link NotifierKeys}, …), in the order of the README table, each
 * secret followed by its {@code -file} companion. An environment variable is named {@code NEWSDELTA_} + the key
 * path upper-cased, with {@code .} and {@code -} as {@code _} ({@link Key#envName()}).
 */
public final class ConfigKeys {
  public static final List<Key<?>> ALL = withFiles(Stream.of(
          KafkaKeys.ALL, NetworkKeys.ALL, IngestKeys.ALL, DiffWorkerKeys.ALL, NotifierKeys.ALL, HistoryKeys.ALL,
          StoriesKeys.ALL, ObservabilityKeys.ALL)
      .flatMap(List::stream).toList());

  private ConfigKeys() {}

  /** The key an environment variable overrides, if it is one of ours. */
  public static Optional<Key<?>> forEnvName(String envName) {
    return ALL.stream().filter(k -> k.envName().equals(envName)).findFirst();
  }

  public static Optional<Key<?>> forPath(String path) {
    return ALL.stream().filter(k -> k.path().equals(path)).findFirst();
  }

  private static List<Key<?>> withFiles(List<Key<?>> keys) {
    List<Key<?>> all = new ArrayList<>();
    for (Key<?> key : keys) {
      all.add(key);
      if (key.secret()) {
        all.add(key.fileKey());
      }
    }
    if (all.stream().map(Key::path).distinct().count() != all.size()) {
      throw new IllegalStateException("a config key is declared twice: " + all.stream().map(Key::path).toList());
    }
    return List.copyOf(all);
  }
}
