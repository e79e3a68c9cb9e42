/**
 * Politeness per publisher. {@link io.newsdelta.ingest.host.HostGate} is the one limiter every request of
 * ingest passes (the fetcher asks it before each hop: feeds, sitemaps, pages, robots.txt, redirects), so no host
 * ever has more than its concurrency in flight nor two starts closer than its gap. The rest is pure bookkeeping
 * over a monotonic nanosecond clock (no I/O, no threads): the configured limits ({@link
 * io.newsdelta.ingest.host.HostLimits}), which due articles wait for which host and which are worth starting now
 * ({@link io.newsdelta.ingest.host.HostQueues}), and when a failing host backs off ({@link
 * io.newsdelta.ingest.host.HostBackoff}). The watcher drives those from its dispatcher thread.
 */
package io.newsdelta.ingest.host;
