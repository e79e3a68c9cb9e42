/**
 * A simulated news site on loopback for the whole-pipeline benchmark: F feeds × A articles spread over
 * many host names (127.0.0.1 … 127.0.0.N, one port), pages of real-world weight generated
 * deterministically from a seed (nothing but a few counters is stored per article), boilerplate that
 * re-renders at every request or only when told, ETag / Last-Modified with 304, optional latency, and
 * the counters a fetcher's politeness is judged by (per-host concurrency and gaps between requests).
 */
package io.newsdelta.bench.site;
