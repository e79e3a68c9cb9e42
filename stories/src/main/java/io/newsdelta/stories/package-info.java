/**
 * One story across outlets: groups the articles that tell the same story (near-duplicate text, MinHash over
 * word shingles, LSH bands) into stories with stable ids, and announces members and their changes on
 * {@code newsdelta.stories}. Feature packages: {@code similarity} (pure), {@code stream} (the Kafka Streams
 * job), {@code view} (a read model for pages).
 */
package io.newsdelta.stories;
