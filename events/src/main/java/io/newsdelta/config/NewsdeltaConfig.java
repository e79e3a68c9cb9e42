package io.newsdelta.config;

/**
 * The whole configuration, validated.
 *
 * @param kafka where Kafka is
 * @param ingest the ingest service
 * @param diffWorker the diff worker
 * @param notifier the notifier
 * @param stories the stories job (one story across outlets)
 * @param history the history store the notifier's pages read
 * @param observability the management port and the log format
 * @param network which addresses the fetchers and senders may connect to
 */
public record NewsdeltaConfig(
    KafkaSettings kafka,
    IngestConfig ingest,
    DiffWorkerConfig diffWorker,
    NotifierConfig notifier,
    StoriesConfig stories,
    HistoryConfig history,
    ObservabilityConfig observability,
    NetworkConfig network) {

  /** With the default management port and log format, and public addresses only. */
  public NewsdeltaConfig(KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker,
      NotifierConfig notifier, StoriesConfig stories, HistoryConfig history) {
    this(kafka, ingest, diffWorker, notifier, stories, history, ObservabilityConfig.defaults());
  }

  /** Without the network settings: public addresses only. */
  public NewsdeltaConfig(KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker,
      NotifierConfig notifier, StoriesConfig stories, HistoryConfig history, ObservabilityConfig observability) {
    this(kafka, ingest, diffWorker, notifier, stories, history, observability, NetworkConfig.defaults());
  }

  /** Without the stories and history settings: their defaults. */
  public NewsdeltaConfig(
      KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker, NotifierConfig notifier) {
    this(kafka, ingest, diffWorker, notifier, StoriesConfig.defaults(), HistoryConfig.defaults());
  }

  /** Without the history settings: the default store. */
  public NewsdeltaConfig(KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker,
      NotifierConfig notifier, StoriesConfig stories) {
    this(kafka, ingest, diffWorker, notifier, stories, HistoryConfig.defaults());
  }

  /** Without the stories settings: their defaults. */
  public NewsdeltaConfig(KafkaSettings kafka, IngestConfig ingest, DiffWorkerConfig diffWorker,
      NotifierConfig notifier, HistoryConfig history) {
    this(kafka, ingest, diffWorker, notifier, StoriesConfig.defaults(), history);
  }
}
