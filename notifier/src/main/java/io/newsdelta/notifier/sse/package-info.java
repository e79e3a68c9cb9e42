/** Server-Sent Events of changes at {@code /events}, for dashboards; {@code Last-Event-ID} resumes. */
package io.newsdelta.notifier.sse;
