package io.newsdelta.ingest.registry;

import com.rometools.opml.feed.opml.Attribute;
import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import com.rometools.rome.io.XmlReader;
import io.newsdelta.events.FeedRegistration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * OPML subscription lists in and out of the feed registry ({@code feeds import|export}), read and written by
 * ROME's OPML module (OPML 1.0 and 2.0; DOCTYPEs refused, so no external entities). Every {@code <outline>} with
 * an {@code xmlUrl}, at any depth, is a feed: its {@code title} (else {@code text}) is the name, {@code
 * type="sitemap"} makes it a sitemap and a {@code schedule} attribute its schedule. An outline that cannot be a
 * feed is a problem, reported with its place in the file, and does not stop the others. Pure.
 */
public final class OpmlFile {
  /**
   * What a file holds.
   *
   * @param feeds the feeds, in document order
   * @param problems one line per outline that is not a usable feed
   */
  public record Read(List<FeedRegistration> feeds, List<String> problems) {}

  /** The file is not OPML at all (not XML, or XML of another kind). */
  public static final class NotOpmlException extends Exception {
    NotOpmlException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private OpmlFile() {}

  /**
   * Reads an OPML document.
   *
   * @throws NotOpmlException when it is not well-formed XML, declares a DOCTYPE, or is not OPML
   */
  public static Read read(byte[] document) throws NotOpmlException {
    WireFeed parsed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document), true)) {
      WireFeedInput input = new WireFeedInput();
      input.setAllowDoctypes(false);
      parsed = input.build(reader);
    } catch (FeedException | IllegalArgumentException e) {
      throw new NotOpmlException(firstLine(e), e);
    } catch (IOException e) {
      throw new NotOpmlException("cannot decode it: " + firstLine(e), e);
    }
    if (!(parsed instanceof Opml opml)) {
      throw new NotOpmlException("it is " + parsed.getFeedType() + ", not OPML", null);
    }
    List<FeedRegistration> feeds = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    walk(opml.getOutlines(), "", feeds, problems);
    return new Read(feeds, problems);
  }

  private static void walk(List<Outline> outlines, String parent, List<FeedRegistration> feeds,
      List<String> problems) {
    for (int i = 0; i < outlines.size(); i++) {
      Outline o = outlines.get(i);
      String place = parent + "/" + (i + 1);
      String name = blankToNull(o.getTitle()) != null ? o.getTitle().trim() : blankToNull(o.getText());
      String xmlUrl = blankToNull(o.getXmlUrl());
      String type = o.getType() == null ? "" : o.getType().trim().toLowerCase(Locale.ROOT);
      String label = "outline " + place + (name == null ? "" : " (" + name + ")");
      if (xmlUrl == null) {
        if (o.getChildren().isEmpty() && (type.equals("rss") || type.equals("atom") || type.equals("sitemap"))) {
          problems.add(label + " is of type " + type + " but has no xmlUrl; skipped");
        } else if (o.getChildren().isEmpty() && type.equals("include")) {
          problems.add(label + " includes another OPML file (" + o.getAttributeValue("url") + "), which import does"
              + " not follow; import that file itself");
        }
        // Otherwise a folder (its children are walked) or a plain note: neither is a feed.
      } else if (!isHttp(xmlUrl)) {
        problems.add(label + ": xmlUrl '" + xmlUrl + "' is not an absolute http or https URL; skipped");
      } else {
        String schedule = blankToNull(o.getAttributeValue("schedule"));
        if (schedule != null && !schedule.equals(FeedRegistration.SCHEDULE_GAPS)
            && !schedule.equals(FeedRegistration.SCHEDULE_GEOMETRIC)) {
          problems.add(label + ": schedule '" + schedule + "' is neither gaps nor geometric; imported with gaps");
          schedule = null;
        }
        String kind = type.equals("sitemap") ? FeedRegistration.KIND_SITEMAP : FeedRegistration.KIND_FEED;
        feeds.add(new FeedRegistration(xmlUrl.trim(), name, kind,
            schedule == null ? FeedRegistration.SCHEDULE_GAPS : schedule));
      }
      walk(o.getChildren(), place, feeds, problems);
    }
  }

  /** An OPML 2.0 document listing {@code feeds} (type {@code rss}, or {@code sitemap}; a geometric schedule kept). */
  public static String write(Collection<FeedRegistration> feeds, Date created) {
    Opml opml = new Opml();
    opml.setFeedType("opml_2.0");
    opml.setTitle("newsdelta feeds");
    opml.setCreated(created);
    List<Outline> outlines = new ArrayList<>();
    for (FeedRegistration f : feeds) {
      Outline o = new Outline();
      String name = f.name() == null ? f.url() : f.name();
      o.setText(name);
      o.setTitle(name);
      o.setType(FeedRegistration.KIND_SITEMAP.equals(f.kindOrDefault()) ? "sitemap" : "rss");
      List<Attribute> attributes = new ArrayList<>();
      attributes.add(new Attribute("xmlUrl", f.url()));
      if (FeedRegistration.SCHEDULE_GEOMETRIC.equals(f.scheduleOrDefault())) {
        attributes.add(new Attribute("schedule", FeedRegistration.SCHEDULE_GEOMETRIC));
      }
      o.setAttributes(attributes);
      outlines.add(o);
    }
    opml.setOutlines(outlines);
    try {
      return new WireFeedOutput().outputString(opml, true);
    } catch (FeedException e) {
      throw new IllegalStateException("ROME could not write OPML: " + e.getMessage(), e);
    }
  }

  private static boolean isHttp(String raw) {
    try {
      URI uri = new URI(raw.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
