/**
 * The whole-pipeline benchmark: starts the simulated site and {@code newsdelta.jar run} as a child
 * process (embedded broker, or an external cluster), drives edits, and reports throughput, detection,
 * edit-to-alert latency, memory, CPU and Kafka bytes in one JSON report ({@link
 * io.newsdelta.bench.pipeline.PipelineBenchmark}); {@link io.newsdelta.bench.pipeline.ScaleChart} draws
 * cost against scale from several reports.
 */
package io.newsdelta.bench.pipeline;
