/** What every newsdelta module shares: the root exception, events, topic names, serde and configuration. */
package io.newsdelta;
