/**
 * Metrics of every service: one Prometheus registry per process (Micrometer), the JVM and Kafka client
 * binders, the names of newsdelta's own meters ({@link io.newsdelta.metrics.MetricNames}, documented in
 * docs/operations.md), and the small management port a service running alone serves them on.
 */
package io.newsdelta.metrics;
