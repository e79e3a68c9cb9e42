/**
 * The feed registry as seen by one ingest instance: the compacted {@code newsdelta.feeds} topic is the list
 * of feeds to poll, and its partitions are shared among the instances of consumer group {@code
 * newsdelta-ingest}. The pure {@link io.newsdelta.ingest.registry.FeedRegistry} says which feeds this
 * instance owns; the {@link io.newsdelta.ingest.registry.RegistryConsumer} reads the topic and follows
 * the rebalances. {@link io.newsdelta.ingest.registry.RegistryClient} is the registry, and each feed's status, as a
 * tool sees them; {@link io.newsdelta.ingest.registry.OpmlFile} reads and writes the OPML lists of {@code feeds
 * import} and {@code feeds export}.
 */
package io.newsdelta.ingest.registry;
