package io.newsdelta.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The one declaration of a configuration key: its dotted path, its {@link Type} (how it is parsed, what it
 * allows, how the environment sets it), its default, its description and whether it is a secret. The set of
 * known keys, the {@code NEWSDELTA_*} variable names, parsing, single-key validation, {@code config show} and
 * the README's configuration table all come from these (see docs/configuration.md).
 *
 * @param path the dotted key path, as in {@code newsdelta.yml}
 * @param type how the value is read and what it allows
 * @param defaultValue the value when the key is not given (null: none)
 * @param defaultText the default as the README shows it, or null to format {@code defaultValue}
 * @param description what the key does (Markdown, for the README table)
 * @param secret never printed or logged; its value may come from the file named by {@link #fileKey()}
 * @param <T> the type of the value
 */
public record Key<T>(String path, Type<T> type, T defaultValue, String defaultText, String description,
    boolean secret) {

  public Key {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** A key with a default. */
  public static <T> Key<T> of(String path, Type<T> type, T defaultValue, String description) {
    return new Key<>(path, type, defaultValue, null, description, false);
  }

  /** A secret text key without default; {@code PATH-file} names a file holding it instead. */
  public static Key<String> secret(String path, Type<String> type, String description) {
    return new Key<>(path, type, null, null, description, true);
  }

  /** The same key with its default shown in the README as {@code text} (a default that depends on others). */
  public Key<T> shownDefault(String text) {
    return new Key<>(path, type, defaultValue, text, description, secret);
  }

  /** {@code NEWSDELTA_} + the path upper-cased, {@code .} and {@code -} as {@code _} (pinned in DESIGN.md). */
  public String envName() {
    return envName(path);
  }

  static String envName(String path) {
    return "NEWSDELTA_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Whether the environment takes a comma-separated list for this key. */
  public boolean list() {
    return type.env() == Type.Env.LIST;
  }

  /** The companion key naming a file that holds a secret ({@code PATH-file}, for Docker secrets). */
  public Key<String> fileKey() {
    if (!secret) {
      throw new IllegalStateException(path + " is not a secret");
    }
    return new Key<>(path + "-file", Type.text("a readable file holding the secret", null), null, null,
        "a file holding `" + path + "` (trimmed), such as a Docker secret `/run/secrets/…`; not both", false);
  }

  /**
   * The value, if it is one this key allows.
   *
   * @throws ConfigException naming the key, the value (hidden for a secret) and what is allowed
   */
  public T check(T value) {
    return type.check(path, value, secret);
  }

  /** The default as the README shows it. */
  public String defaultShown() {
    if (defaultText != null) {
      return defaultText;
    }
    return type.show(defaultValue);
  }
}
