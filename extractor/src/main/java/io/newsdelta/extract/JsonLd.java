package io.newsdelta.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The article facts a page declares in schema.org JSON-LD: headline, body, author and dates. Reads
 * every {@code application/ld+json} script, walks {@code @graph} and arrays, and keeps the first
 * object whose {@code @type} is an article type. Malformed JSON is ignored.
 */
record JsonLd(String headline, String articleBody, String author, String datePublished,
    String dateModified, String inLanguage) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonLd NONE = new JsonLd(null, null, null, null, null, null);
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
      "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
      "backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
      "socialmediaposting", "posting", "webpage");

  /** Reads the best article object in the JSON-LD {@code scripts}, or an all-null value if there is none. */
  static JsonLd read(List<Element> scripts) {
    JsonNode best = null;
    for (Element script : scripts) {
      JsonNode root;
      try {
        root = MAPPER.readTree(script.data());
      } catch (Exception e) {
        continue;
      }
      List<JsonNode> objects = new ArrayList<>();
      flatten(root, objects, 0);
      for (JsonNode node : objects) {
        String type = typeOf(node);
        if (type == null || !ARTICLE_TYPES.contains(type)) {
          continue;
        }
        if (best == null || rank(node, type) > rank(best, typeOf(best))) {
          best = node;
        }
      }
    }
    if (best == null) {
      return NONE;
    }
    return new JsonLd(text(best.get("headline")), text(best.get("articleBody")),
        author(best.get("author")), text(best.get("datePublished")), text(best.get("dateModified")),
        text(best.get("inLanguage")));
  }

  /** Real article types beat WebPage; an object with a body beats one without. */
  private static int rank(JsonNode node, String type) {
    return (type.equals("webpage") ? 0 : 2) + (node.hasNonNull("articleBody") ? 1 : 0);
  }

  private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 4) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> flatten(n, out, depth + 1));
    } else if (node.isObject()) {
      out.add(node);
      flatten(node.get("@graph"), out, depth + 1);
      flatten(node.get("mainEntity"), out, depth + 1);
    }
  }

  private static String typeOf(JsonNode node) {
    JsonNode type = node.get("@type");
    if (type == null) {
      return null;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        String s = t.asText().toLowerCase(java.util.Locale.ROOT);
        if (ARTICLE_TYPES.contains(s) && !s.equals("webpage")) {
          return s;
        }
      }
      return type.size() > 0 ? type.get(0).asText().toLowerCase(java.util.Locale.ROOT) : null;
    }
    return type.asText().toLowerCase(java.util.Locale.ROOT);
  }

  private static String author(JsonNode node) {
    if (node == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> {
        String s = n.isObject() ? text(n.get("name")) : text(n);
        if (s != null) {
          names.add(s);
        }
      });
    } else {
      String s = node.isObject() ? text(node.get("name")) : text(node);
      if (s != null) {
        names.add(s);
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText().trim();
    return s.isEmpty() ? null : s;
  }
}
