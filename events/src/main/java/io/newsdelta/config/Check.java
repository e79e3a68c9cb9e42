package io.newsdelta.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The invariants of the config records, checked in their constructors: one place, whether a record comes from
 * {@link ConfigLoader} or from code. A broken one is a {@link ConfigException} naming the key, the value and
 * what is allowed.
 */
final class Check {
  private Check() {}

  static int range(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw ConfigException.badValue(key, value, "a whole number from " + min + " to " + max);
    }
    return value;
  }

  static Duration positive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw ConfigException.badValue(key, value, "a positive duration such as 30s or 5m");
    }
    return value;
  }

  static Duration notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      throw ConfigException.badValue(key, value, "a duration of 0 or more such as 1s");
    }
    return value;
  }

  static String notBlank(String key, String value, String allowed) {
    if (value == null || value.isBlank()) {
      throw ConfigException.badValue(key, value == null ? "" : value, allowed);
    }
    return value;
  }

  static URI httpUrl(String key, URI value) {
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
      throw ConfigException.badValue(key, value, "an absolute http(s) URL such as https://example.com/hook");
    }
    return value;
  }
}
