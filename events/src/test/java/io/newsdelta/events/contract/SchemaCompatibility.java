package io.newsdelta.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The evolution rule of the event contract, checked between a released schema and the working tree's:
 * fields are only added, never removed, renamed or retyped. Concretely, for every object of the released
 * schema (the root and each nested type, followed through {@code $ref}):
 * <ul>
 *   <li>every released property is still there (a rename is a removal);
 *   <li>its JSON types are the same, null included (a field that could not be null cannot become
 *       nullable, nor the reverse: old and new events share the topic), and so are {@code format} and
 *       {@code const};
 *   <li>no enum value is gone;
 *   <li>the required set is the same: a required field stays required, and a new field is optional,
 *       because the events written before it, kept on the topic, do not have it.
 * </ul>
 * A new optional property passes. Descriptions may change freely.
 */
final class SchemaCompatibility {
  private SchemaCompatibility() {}

  /** What makes {@code current} incompatible with {@code released}; empty when it is compatible. */
  static List<String> problems(JsonNode released, JsonNode current) {
    List<String> problems = new ArrayList<>();
    compare(new Side(released, released), new Side(current, current), "$", problems, 0);
    return problems;
  }

  /** A schema node with the document its {@code $ref}s resolve in. */
  private record Side(JsonNode node, JsonNode root) {
    Side resolve() {
      JsonNode n = node;
      for (int hops = 0; n.has("$ref") && hops < 20; hops++) {
        String ref = n.get("$ref").asText();
        if (!ref.startsWith("#")) {
          throw new IllegalArgumentException("only local $ref are supported: " + ref);
        }
        n = root.at(ref.substring(1));
      }
      return new Side(n, root);
    }

    /** The non-null branch of {@code anyOf: [{type: null}, X]}, the form of a nullable nested type. */
    Side nonNull() {
      Side s = resolve();
      JsonNode anyOf = s.node.get("anyOf");
      if (anyOf != null && anyOf.size() == 2) {
        for (JsonNode branch : anyOf) {
          if (!"null".equals(branch.path("type").asText(null))) {
            return new Side(branch, root).resolve();
          }
        }
      }
      return s;
    }

    Set<String> types() {
      Set<String> types = new TreeSet<>();
      Side s = resolve();
      JsonNode anyOf = s.node.get("anyOf");
      if (anyOf != null) {
        for (JsonNode branch : anyOf) {
          types.addAll(new Side(branch, root).types());
        }
        return types;
      }
      JsonNode type = s.node.get("type");
      if (type != null && type.isArray()) {
        type.forEach(t -> types.add(t.asText()));
      } else if (type != null) {
        types.add(type.asText());
      }
      return types;
    }
  }

  private static void compare(Side released, Side current, String path, List<String> problems, int depth) {
    if (depth > 30) {
      return;
    }
    Set<String> releasedTypes = released.types();
    Set<String> currentTypes = current.types();
    if (!releasedTypes.equals(currentTypes)) {
      problems.add(path + " is retyped: " + releasedTypes + " in the release, " + currentTypes + " now");
      return;
    }
    Side r = released.nonNull();
    Side c = current.nonNull();
    same(r, c, "format", path, problems);
    same(r, c, "const", path, problems);
    if (r.node.has("enum")) {
      Set<String> now = new LinkedHashSet<>();
      c.node.path("enum").forEach(v -> now.add(v.toString()));
      r.node.get("enum").forEach(v -> {
        if (!now.contains(v.toString())) {
          problems.add(path + " lost the enum value " + v);
        }
      });
    }
    if (r.node.has("properties")) {
      compareObjects(r, c, path, problems, depth);
    }
    if (r.node.has("items")) {
      compare(new Side(r.node.get("items"), r.root), new Side(c.node.path("items"), c.root), path + "[]",
          problems, depth + 1);
    }
  }

  private static void compareObjects(Side r, Side c, String path, List<String> problems, int depth) {
    JsonNode releasedProps = r.node.get("properties");
    JsonNode currentProps = c.node.path("properties");
    Iterator<String> names = releasedProps.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!currentProps.has(name)) {
        problems.add(path + "." + name + " is removed (or renamed): fields are only ever added");
      } else {
        compare(new Side(releasedProps.get(name), r.root), new Side(currentProps.get(name), c.root),
            path + "." + name, problems, depth + 1);
      }
    }
    Set<String> releasedRequired = strings(r.node.path("required"));
    Set<String> currentRequired = strings(c.node.path("required"));
    for (String name : releasedRequired) {
      if (currentProps.has(name) && !currentRequired.contains(name)) {
        problems.add(path + "." + name + " is no longer required: readers rely on it");
      }
    }
    for (String name : currentRequired) {
      if (!releasedRequired.contains(name)) {
        problems.add(path + "." + name + (releasedProps.has(name) ? " became required" : " is new and required")
            + ": events already on the topic do not have it, so it must stay optional");
      }
    }
  }

  private static void same(Side r, Side c, String keyword, String path, List<String> problems) {
    JsonNode before = r.node.get(keyword);
    JsonNode after = c.node.get(keyword);
    if (before == null ? after != null : !before.equals(after)) {
      problems.add(path + " changed its " + keyword + " from " + before + " to " + after);
    }
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> set = new TreeSet<>();
    array.forEach(n -> set.add(n.asText()));
    return set;
  }
}
