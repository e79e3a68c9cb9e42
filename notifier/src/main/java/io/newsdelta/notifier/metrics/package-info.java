/**
 * The notifier's meters: deliveries by channel and outcome, attempts, and the pipeline's own latency
 * ({@code toObservedAt} to delivered), counted by decorating the channels and the dead-letter topic, so the
 * delivery lanes carry no metrics code.
 */
package io.newsdelta.notifier.metrics;
