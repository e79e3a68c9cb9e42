/**
 * Near-duplicate detection over article text, pure functions without Kafka: word shingles
 * ({@link io.newsdelta.stories.similarity.Shingles}), MinHash signatures and their estimated Jaccard similarity
 * ({@link io.newsdelta.stories.similarity.MinHash}, {@link io.newsdelta.stories.similarity.Signature}), LSH band
 * keys that bring candidates together ({@link io.newsdelta.stories.similarity.Bands}), and the rule that confirms
 * a candidate ({@link io.newsdelta.stories.similarity.MatchPolicy}, with {@link
 * io.newsdelta.stories.similarity.Outlets} for the same-outlet guard).
 */
package io.newsdelta.stories.similarity;
