/**
 * The wire contract: one record per topic value, documented field by field. Fields are only ever added;
 * readers ignore fields they do not know. Serialised by {@link io.newsdelta.events.Json}.
 */
package io.newsdelta.events;
