/**
 * Delivery of article changes to webhooks: at least once, with the change id as idempotency key.
 *
 * <p>{@link io.newsdelta.notifier.webhook.ChangeConsumer} reads {@code newsdelta.article-changes} in the
 * {@code newsdelta-notifier} group and hands each change to every webhook at once; {@link
 * io.newsdelta.notifier.webhook.WebhookDelivery} retries one webhook on the {@link
 * io.newsdelta.notifier.webhook.Backoff} schedule and, when the attempts run out, reports the change to
 * {@link io.newsdelta.notifier.webhook.DeadLetters}. Offsets are committed only once every webhook has
 * either taken the change or had it dead-lettered.
 */
package io.newsdelta.notifier.webhook;
