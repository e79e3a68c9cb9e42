/**
 * Real infrastructure for newsdelta's integration tests ({@code *IT}).
 *
 * <ul>
 *   <li>{@link io.newsdelta.testsupport.TestBroker}: a fresh Kafka broker per call — a Testcontainers
 *       container when a Docker engine is reachable, otherwise an in-process KRaft broker. The same
 *       tests run either way and are never skipped.</li>
 *   <li>{@link io.newsdelta.testsupport.Consume}: reads a topic from the beginning, as a downstream
 *       reader would (read_committed).</li>
 *   <li>{@link io.newsdelta.testsupport.LocalWebServer}: serves feeds and article pages over real HTTP
 *       on loopback, with ETag / Last-Modified revalidation and hit counts.</li>
 *   <li>{@link io.newsdelta.testsupport.WebhookReceiver}: records webhook POSTs and can fail on demand.</li>
 * </ul>
 *
 * <p>This module's {@code log4j2-test.xml} keeps Kafka, ZooKeeper and Testcontainers at WARN and
 * newsdelta at INFO for every module that has it on its test classpath.
 */
package io.newsdelta.testsupport;
