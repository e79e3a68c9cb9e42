/**
 * Measures the stories job: the grouping's precision and recall on a labelled set of real pages
 * ({@link io.newsdelta.bench.stories.StoriesEvaluation}) and its throughput in articles per second through the
 * topology ({@link io.newsdelta.bench.stories.StoriesLoadRun}).
 */
package io.newsdelta.bench.stories;
