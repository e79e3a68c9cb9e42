/**
 * A real Apache Kafka broker (KRaft mode, one node acting as broker and controller) started inside
 * the current JVM.
 *
 * <p>{@link io.newsdelta.broker.EmbeddedKafka} is the only entry point: it formats a data directory
 * on first use, starts the broker over it and stops it again. Everything else in this package is
 * an implementation detail. This package depends on Kafka only, never on the newsdelta events
 * module, so it can be started by the app and by tests alike.
 */
package io.newsdelta.broker;
