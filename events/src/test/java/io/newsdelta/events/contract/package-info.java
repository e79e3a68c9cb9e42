/**
 * The event contract as files: JSON Schemas generated from the event records, the AsyncAPI document of
 * the public topics, and the compatibility check against the last release. The files are committed under
 * {@code events/src/main/resources/io/newsdelta/events/}; these tests regenerate them and fail when the
 * committed ones differ, so the published contract cannot drift from the code.
 */
package io.newsdelta.events.contract;
