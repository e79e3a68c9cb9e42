package io.newsdelta.ingest.poll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an OPML subscription list: the {@code xmlUrl} of every {@code <outline>}, at any depth. ROME's
 * core has no OPML parser, and a list of feeds needs nothing more than this. DOCTYPEs are refused.
 */
final class OpmlReader {
  private OpmlReader() {}

  /** The feed URLs of an OPML document, or empty when the document is not OPML. */
  static Optional<List<String>> feedUrls(byte[] body) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setNamespaceAware(true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      doc = builder.parse(new ByteArrayInputStream(body));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return Optional.empty();
    }
    Element root = doc.getDocumentElement();
    String name = root.getLocalName() == null ? root.getTagName() : root.getLocalName();
    if (!"opml".equalsIgnoreCase(name)) {
      return Optional.empty();
    }
    List<String> urls = new ArrayList<>();
    NodeList outlines = root.getElementsByTagName("outline");
    for (int i = 0; i < outlines.getLength(); i++) {
      String xmlUrl = ((Element) outlines.item(i)).getAttribute("xmlUrl");
      if (!xmlUrl.isBlank()) {
        urls.add(xmlUrl);
      }
    }
    return Optional.of(urls);
  }

}
