/**
 * Runnable examples for consumers of the change events, shown in docs/consuming.md and run by their
 * tests against a real broker. They depend only on kafka-clients and Jackson, not on newsdelta's classes:
 * a consumer needs the contract (docs/contract.md), not this code.
 */
package io.newsdelta.events.examples;
