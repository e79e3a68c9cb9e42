package io.newsdelta.ingest.error;

/**
 * A failure sorted into a kind, with a message that says what failed and what to do.
 *
 * @param kind the stable kind
 * @param message one line for operators
 */
public record Diagnosis(ErrorKind kind, String message) {}
