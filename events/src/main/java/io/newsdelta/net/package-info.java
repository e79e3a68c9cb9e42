/**
 * Which network addresses newsdelta may connect to. A feed publisher controls the URLs ingest fetches (feed
 * entries, redirects, OPML lists) and an operator's config the URLs the notifier posts to; without a policy
 * either can make newsdelta fetch the cloud metadata service or an internal admin page (server-side request
 * forgery). {@link io.newsdelta.net.AddressPolicy} refuses loopback, link-local, private and metadata
 * addresses unless the configuration allows them.
 */
package io.newsdelta.net;
