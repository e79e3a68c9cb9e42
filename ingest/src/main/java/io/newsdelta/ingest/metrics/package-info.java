/** Ingest's meters: feed polls, fetches and their latency, article checks, raw versions published. */
package io.newsdelta.ingest.metrics;
