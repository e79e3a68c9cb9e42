/**
 * The diff worker as a Kafka Streams application: raw versions in, distinct versions and changes out, the
 * per-article state in a changelogged store, exactly once.
 */
package io.newsdelta.diffworker.stream;
