package io.newsdelta.notifier.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.events.Json;
import java.net.URI;

/**
 * ntfy: the JSON form of publishing ({@code POST} to the server root with {@code topic}), which carries a UTF-8
 * title; the configured URL is the topic's ({@code https://ntfy.sh/TOPIC}). Markdown on; 4,096 characters.
 */
public final class NtfyFormat implements ChatFormat {
  private static final AlertText.Markup MARKDOWN = MarkdownMarkup.NTFY;

  private final String topic;

  /** The format for the topic URL {@code configured}. */
  public NtfyFormat(URI configured) {
    String path = configured.getPath();
    this.topic = path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public URI target(URI configured) {
    String path = configured.getPath();
    return configured.resolve(path.substring(0, path.lastIndexOf('/') + 1));
  }

  @Override
  public byte[] body(AlertText text) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("topic", topic);
    root.put("title", text.previousHeadline() == null ? text.headline() : text.headline() + " (headline changed)");
    root.put("message", text.render(MARKDOWN, "\n", 4000, text.linkLabel()));
    root.put("markdown", true);
    root.put("click", text.link().toString());
    root.putArray("tags").add("newspaper");
    return Json.writeBytes(root);
  }
}
