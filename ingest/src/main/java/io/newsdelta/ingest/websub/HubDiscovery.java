package io.newsdelta.ingest.websub;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where a feed's WebSub hub is and what topic to subscribe to. The HTTP {@code Link} headers come first (the
 * spec's preferred place); without a hub there, the document's own {@code hub} links. The topic is the {@code
 * self} URL from the same place, else the feed's registered URL. Pure.
 */
public final class HubDiscovery {
  /**
   * What a feed advertises.
   *
   * @param hub the hub to subscribe at (the first one named)
   * @param topic the topic URL to subscribe to
   */
  public record Advertisement(URI hub, URI topic) {}

  private HubDiscovery() {}

  /**
   * @param feedUrl the feed's registered URL (the topic when no {@code self} is given)
   * @param responseUrl the URL that answered, to resolve relative Link targets against
   * @param linkHeaders the response's Link header values
   * @param documentHubs the hubs the document names
   * @param documentSelf the document's self link, or null
   * @return the hub and topic, or empty when the feed names no hub
   */
  public static Optional<Advertisement> of(URI feedUrl, URI responseUrl, List<String> linkHeaders,
      List<URI> documentHubs, URI documentSelf) {
    List<LinkHeader.Link> links = LinkHeader.parse(linkHeaders, responseUrl == null ? feedUrl : responseUrl);
    List<URI> headerHubs = LinkHeader.targets(links, "hub");
    List<URI> headerSelf = LinkHeader.targets(links, "self");
    if (!headerHubs.isEmpty()) {
      URI topic = !headerSelf.isEmpty() ? headerSelf.get(0) : documentSelf != null ? documentSelf : feedUrl;
      return Optional.of(new Advertisement(headerHubs.get(0), topic));
    }
    if (!documentHubs.isEmpty()) {
      return Optional.of(new Advertisement(documentHubs.get(0), documentSelf != null ? documentSelf : feedUrl));
    }
    return Optional.empty();
  }
}
