/**
 * The YAML configuration pinned in docs/contract.md: loaded once, overridden by {@code NEWSDELTA_*} environment variables,
 * validated into one typed record per service. A bad value is a {@link io.newsdelta.config.ConfigException}
 * naming the key, the value and what is allowed.
 */
package io.newsdelta.config;
