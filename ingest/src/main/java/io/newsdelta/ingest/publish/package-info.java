/**
 * Ingest's Kafka output: raw versions, article state, error events and feed registrations, all through
 * one idempotent producer ({@link io.newsdelta.ingest.publish.IngestPublisher}).
 */
package io.newsdelta.ingest.publish;
