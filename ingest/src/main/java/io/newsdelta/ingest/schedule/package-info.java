/**
 * When articles are fetched: the pure decision of the re-check schedule ({@link
 * io.newsdelta.ingest.schedule.RecheckSchedule}) and the queue of due fetches ({@link
 * io.newsdelta.ingest.schedule.DueQueue}). No I/O here.
 */
package io.newsdelta.ingest.schedule;
