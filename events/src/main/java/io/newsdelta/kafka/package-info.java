/**
 * Talking to Kafka: topics and their settings ({@link io.newsdelta.kafka.TopicAdmin}), clients built in one place
 * ({@link io.newsdelta.kafka.KafkaClients}), a whole compacted topic read to its end and followed
 * ({@link io.newsdelta.kafka.CompactedTopicReader}), and one consumer life cycle
 * ({@link io.newsdelta.kafka.ConsumerRunner}), and how far a consumer group got
 * ({@link io.newsdelta.kafka.GroupLag}).
 */
package io.newsdelta.kafka;
