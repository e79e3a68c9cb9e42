/**
 * The stories job as a Kafka Streams application ({@link io.newsdelta.stories.stream.StoriesTopology}):
 * article versions in, signed and fanned out by LSH band key through a repartition topic, candidates compared
 * where their bands meet, confirmed matches brought back to the article's partition, story events out on
 * {@code newsdelta.stories}. Which story an article belongs to is read back from that topic into a global store,
 * so every partition resolves any article's story.
 */
package io.newsdelta.stories.stream;
