/**
 * Feed health: checks that stop are alerts. {@link io.newsdelta.ingest.health.FeedHealth} follows one feed's
 * polls (pure) and says when it becomes stale (no new item for far longer than {@code ingest.stale-after} and its
 * own rhythm) or failing (every poll failed for longer than {@code ingest.failing-after}), and when it recovers;
 * {@link io.newsdelta.ingest.health.HealthMonitor} does that for every feed of an instance and for the instance's
 * own lag behind its schedule ({@code ingest.lag-after}), reporting each change of state once on {@code
 * newsdelta.ingest.errors}, as gauges, as the {@code ingest-health} check of {@code /health/ready}, and writing each feed's
 * {@link io.newsdelta.ingest.health.FeedStatus} to the compacted {@code newsdelta.feeds.status} topic that
 * {@code feeds list} reads.
 */
package io.newsdelta.ingest.health;
