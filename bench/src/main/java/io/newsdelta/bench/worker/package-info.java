/**
 * The diff worker's throughput: the bare extraction + versioning loop under JMH ({@link
 * io.newsdelta.bench.worker.DiffLoopBenchmark}) and the same raw versions through Kafka and the real Streams
 * topology ({@link io.newsdelta.bench.worker.WorkerLoadRun}), on real-sized corpus pages (100–300 KB).
 */
package io.newsdelta.bench.worker;
