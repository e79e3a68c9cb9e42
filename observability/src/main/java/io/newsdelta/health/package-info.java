/**
 * Readiness: named checks (broker reachable, partitions assigned, Streams running, history store answers),
 * each answering the reason it is not ready, for {@code /health/ready}.
 */
package io.newsdelta.health;
