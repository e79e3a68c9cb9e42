package io.newsdelta.config;

/**
 * The whole configuration, validated.
 *
 * @param kafka where Kafka is
 * @param ingest the ingest service
 * @param diffWorker the diff worker
 * @param notifier the notifier
 * @param stories the stories job (one story across outlets)
 */
public record NewsdeltaConfig(
    KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker, NotifierConfig notifier,
    StoriesConfig stories) {

  /** Without the stories settings: their defaults. */
  public NewsdeltaConfig(
      KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker, NotifierConfig notifier) {
    this(kafka, ingest, diffWorker, notifier, StoriesConfig.defaults());
  }
}
