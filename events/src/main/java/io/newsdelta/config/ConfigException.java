package io.newsdelta.config;

import io.newsdelta.NewsdeltaException;

/** A configuration value that cannot be used; the message names the key, the value and what is allowed. */
public class ConfigException extends NewsdeltaException {
  public ConfigException(String message) {
    super(message);
  }

  /** "config key {key}: value '{value}' is not allowed; {allowed}". */
  public static ConfigException badValue(String key, Object value, String allowed) {
    return new ConfigException("config key " + key + ": value '" + value + "' is not allowed; " + allowed);
  }
}
