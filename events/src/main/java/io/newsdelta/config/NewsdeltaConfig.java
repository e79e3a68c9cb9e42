package io.newsdelta.config;

/**
 * The whole configuration, validated.
 *
 * @param kafka where Kafka is
 * @param ingest the ingest service
 * @param diffWorker the diff worker
 * @param notifier the notifier
 * @param history the history store the notifier's pages read
 */
public record NewsdeltaConfig(
    KafkaSettings kafka,
    IngestConfig ingest,
    DiffWorkerConfig diffWorker,
    NotifierConfig notifier,
    HistoryConfig history) {}
