package io.newsdelta.notifier.channel;

import java.time.Duration;
import java.util.List;

/** A channel that can also send several changes as one message: a digest (e-mail's {@code digest:} setting). */
public interface DigestChannel extends Channel {

  /** How long changes are collected into one digest, or null when this channel sends each change alone. */
  Duration digestPeriod();

  /**
   * Sends {@code events}, oldest first, as one message; never throws for a failed delivery.
   *
   * @throws InterruptedException when the thread is interrupted while waiting for the answer
   */
  Attempt sendDigest(List<ChangeEvent> events) throws InterruptedException;

  /**
   * The same for the digest of one subscription ({@code subscription} its name, or null for the channel's own).
   *
   * @throws InterruptedException when the thread is interrupted while waiting for the answer
   */
  default Attempt sendDigest(List<ChangeEvent> events, String subscription) throws InterruptedException {
    return sendDigest(events);
  }
}
