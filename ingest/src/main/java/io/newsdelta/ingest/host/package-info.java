/**
 * Politeness per publisher, as pure bookkeeping over a monotonic nanosecond clock (no I/O, no threads): how
 * many requests a host may have in flight and how far apart they must start ({@link
 * io.newsdelta.ingest.host.HostLimits}), which due articles wait for which host and which may start now
 * ({@link io.newsdelta.ingest.host.HostQueues}), and when a failing host backs off ({@link
 * io.newsdelta.ingest.host.HostBackoff}). The watcher drives them from its dispatcher thread.
 */
package io.newsdelta.ingest.host;
