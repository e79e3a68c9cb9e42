package io.newsdelta.ingest.poll;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsdelta.ingest.poll.FeedParseException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) documents with ROME and lists the article URL of each
 * entry: its link (Atom: the alternate link), else its id when that is an http(s) URL (RSS permalink
 * guids), resolved against the feed's URL. Entries without a usable URL are skipped. An OPML document
 * gives the feeds it lists instead. Pure: bytes in, URLs out. A DOCTYPE is allowed (RSS 0.91 carries
 * Netscape's), but nothing is loaded from it and no entity is expanded: ROME's parser reads no external DTD or
 * entity, and a document that declares entities of its own (the shape of XXE and billion-laughs attacks) is
 * refused before parsing.
 */
public final class FeedParser {
  private FeedParser() {}

  /**
   * Parses a feed document.
   *
   * @param body the bytes as served
   * @param contentType the Content-Type header (its charset helps decoding), or null
   * @param feedUri the URL the document came from, to resolve relative links against
   * @throws FeedParseException when the document is not XML, or not RSS, Atom or OPML
   */
  public static ParsedFeed parse(byte[] body, String contentType, URI feedUri) throws FeedParseException {
    if (declaresEntities(body)) {
      throw new FeedParseException(Problem.NOT_XML,
          "the document declares entities in its DOCTYPE, which ingest refuses (they are how XXE and "
              + "billion-laughs attacks work)", null);
    }
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(true);
      feed = input.build(reader);
    } catch (ParsingFeedException e) {
      throw new FeedParseException(Problem.NOT_XML, "not well-formed XML: " + firstLine(e), e);
    } catch (IllegalArgumentException e) {
      Optional<List<String>> opml = OpmlReader.feedUrls(body);
      if (opml.isPresent()) {
        return new ParsedFeed("opml", null, List.of(), resolveAll(feedUri, opml.get()));
      }
      throw new FeedParseException(Problem.NOT_A_FEED, "XML but neither RSS, Atom nor OPML: " + firstLine(e), e);
    } catch (FeedException e) {
      throw new FeedParseException(Problem.NOT_A_FEED, "not a readable feed: " + firstLine(e), e);
    } catch (IOException e) {
      throw new FeedParseException(Problem.NOT_XML, "cannot decode the document: " + firstLine(e), e);
    }
    List<String> links = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      String link = linkOf(entry);
      if (link != null) {
        links.add(link);
      }
    }
    List<String> hubs = new ArrayList<>();
    List<String> selves = new ArrayList<>();
    feedLinks(feed, hubs, selves);
    List<URI> self = resolveAll(feedUri, selves);
    return new ParsedFeed(feed.getFeedType(), feed.getTitle(), resolveAll(feedUri, links), List.of(),
        resolveAll(feedUri, hubs), self.isEmpty() ? null : self.get(0));
  }

  /**
   * The feed-level {@code hub} and {@code self} links (WebSub discovery): Atom's own links as ROME reads them, and
   * RSS's {@code <atom:link>} elements, which ROME leaves in the channel's foreign markup.
   */
  private static void feedLinks(SyndFeed feed, List<String> hubs, List<String> selves) {
    for (SyndLink link : feed.getLinks()) {
      addLink(link.getRel(), link.getHref(), hubs, selves);
    }
    for (org.jdom2.Element element : feed.getForeignMarkup()) {
      if ("link".equals(element.getName()) && ATOM_NS.equals(element.getNamespaceURI())) {
        addLink(element.getAttributeValue("rel"), element.getAttributeValue("href"), hubs, selves);
      }
    }
  }

  private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private static void addLink(String rel, String href, List<String> hubs, List<String> selves) {
    if (rel == null || !notBlank(href)) {
      return;
    }
    for (String r : rel.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (r.equals("hub")) {
        hubs.add(href);
      } else if (r.equals("self")) {
        selves.add(href);
      }
    }
  }

  /**
   * Whether the prolog has a DOCTYPE with an internal subset that declares an entity. Looks at the bytes as
   * Latin-1 (the markup is ASCII in every encoding ROME reads but UTF-16, which is checked decoded too).
   */
  static boolean declaresEntities(byte[] body) {
    int n = Math.min(body.length, 64 * 1024);
    String head = new String(body, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    if (n >= 2 && (body[0] == (byte) 0xFE || body[0] == (byte) 0xFF || body[0] == 0 || body[1] == 0)) {
      head = new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_16).replace("\u0000", "");
    }
    int doctype = head.indexOf("<!DOCTYPE");
    if (doctype < 0) {
      doctype = head.toUpperCase(Locale.ROOT).indexOf("<!DOCTYPE");
    }
    if (doctype < 0) {
      return false;
    }
    int root = head.indexOf('>', doctype);
    int subset = head.indexOf('[', doctype);
    return subset >= 0 && (root < 0 || subset < root || head.indexOf("<!ENTITY", doctype) >= 0)
        && head.toUpperCase(Locale.ROOT).indexOf("<!ENTITY", doctype) >= 0;
  }

  private static List<URI> resolveAll(URI base, List<String> links) {
    Set<URI> urls = new LinkedHashSet<>();
    for (String link : links) {
      URI resolved = resolve(base, link);
      if (resolved != null) {
        urls.add(resolved);
      }
    }
    return List.copyOf(urls);
  }

  private static String linkOf(SyndEntry entry) {
    if (notBlank(entry.getLink())) {
      return entry.getLink();
    }
    for (SyndLink link : entry.getLinks()) {
      if ((link.getRel() == null || "alternate".equals(link.getRel())) && notBlank(link.getHref())) {
        return link.getHref();
      }
    }
    String id = entry.getUri();
    if (notBlank(id) && id.trim().toLowerCase(Locale.ROOT).matches("https?://.+")) {
      return id;
    }
    return null;
  }

  private static URI resolve(URI base, String link) {
    try {
      URI uri = base.resolve(new URI(link.trim()));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
