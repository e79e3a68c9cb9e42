/**
 * Fetching over HTTP: the {@link io.newsdelta.ingest.fetch.HttpFetcher} (User-Agent, redirects, timeout,
 * size limit), its checked {@link io.newsdelta.ingest.fetch.FetchException}, and the pure {@link
 * io.newsdelta.ingest.fetch.BodyDecoder} that turns page bytes into text.
 */
package io.newsdelta.ingest.fetch;
