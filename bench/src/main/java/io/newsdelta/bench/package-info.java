/**
 * Measures the article extractor on the trafilatura evaluation corpus: quality ({@link
 * io.newsdelta.bench.Evaluate}) and speed ({@link io.newsdelta.bench.ExtractionBenchmark}).
 */
package io.newsdelta.bench;
