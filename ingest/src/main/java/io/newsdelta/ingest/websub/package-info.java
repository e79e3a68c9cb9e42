/**
 * WebSub (W3C Recommendation, formerly PubSubHubbub) for feeds that advertise a hub: discovery from the feed's
 * {@code Link} headers and {@code <link rel="hub">} / {@code <atom:link rel="hub">} ({@link
 * io.newsdelta.ingest.websub.HubDiscovery}, {@link io.newsdelta.ingest.websub.LinkHeader}), subscription and lease
 * renewal ({@link io.newsdelta.ingest.websub.WebSubSubscriber} over {@link io.newsdelta.ingest.websub.HubClient}),
 * the callback endpoint ({@link io.newsdelta.ingest.websub.CallbackServer}: verification of intent, signed content
 * delivery) and the signature check ({@link io.newsdelta.ingest.websub.Signature}).
 *
 * <p>A push is only a hint: it makes ingest poll the feed at once through its normal poll path (conditional GET,
 * the address policy, everything else); the pushed body is never read as the feed.
 */
package io.newsdelta.ingest.websub;
