/**
 * Measurements of ingest on its own: {@link io.newsdelta.bench.ingest.IngestMemory} (heap and state bytes per
 * scheduled article).
 */
package io.newsdelta.bench.ingest;
