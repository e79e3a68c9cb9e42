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
 * gives the feeds it lists instead. Pure: bytes in, URLs out. DOCTYPEs are refused (no external
 * entities).
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
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
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
    return new ParsedFeed(feed.getFeedType(), feed.getTitle(), resolveAll(feedUri, links), List.of());
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
