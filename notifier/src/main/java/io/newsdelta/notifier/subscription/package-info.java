/**
 * Subscriptions: which changes go to which channels. {@link io.newsdelta.notifier.subscription.SubscriptionMatcher}
 * is the pure rule; {@link io.newsdelta.notifier.subscription.SubscriptionRouting} answers the delivery lanes
 * from the configured subscriptions and those kept in the compacted topic {@code newsdelta.subscriptions}
 * ({@link io.newsdelta.notifier.subscription.SubscriptionStore}), which the command line and the
 * {@link io.newsdelta.notifier.subscription.SubscriptionApi} write.
 */
package io.newsdelta.notifier.subscription;
