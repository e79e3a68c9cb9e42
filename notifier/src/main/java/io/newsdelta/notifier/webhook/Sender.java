package io.newsdelta.notifier.webhook;

import io.newsdelta.events.ArticleChange;
import java.net.URI;

/** Makes one delivery attempt of a change to a webhook; never throws for a failed delivery. */
@FunctionalInterface
public interface Sender {

  /**
   * POSTs {@code change} to {@code webhook} once.
   *
   * @param source the CloudEvents source of the change
   * @throws InterruptedException when the thread is interrupted while waiting for the answer
   */
  Attempt send(URI webhook, ArticleChange change, String source) throws InterruptedException;
}
