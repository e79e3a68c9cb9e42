/**
 * Delivery of article changes to channels: at least once per channel, with the change id as idempotency key.
 *
 * <p>Each channel has its own {@link io.newsdelta.notifier.delivery.DeliveryLane}: a consumer of
 * {@code newsdelta.article-changes} in the group {@code newsdelta-notifier-<channel>} and a few delivery
 * threads, so each channel keeps its own committed position and no channel waits for another. Within a lane,
 * {@link io.newsdelta.notifier.delivery.KeyedQueue} keeps several changes in progress but never two of one
 * article, and {@link io.newsdelta.notifier.delivery.PartitionProgress} commits below the lowest unsettled change
 * with the settled ones above it in the commit metadata. A lane asks its
 * {@link io.newsdelta.notifier.delivery.Routing} whether the channel wants a change, then
 * {@link io.newsdelta.notifier.delivery.RetryingDelivery} tries on the
 * {@link io.newsdelta.notifier.delivery.Backoff} schedule (jittered, {@code Retry-After} honoured) behind the
 * channel's {@link io.newsdelta.notifier.delivery.CircuitBreaker}; when the attempts run out, or the endpoint
 * answers 410 Gone, the change goes to {@link io.newsdelta.notifier.delivery.DeadLetters}.
 */
package io.newsdelta.notifier.delivery;
