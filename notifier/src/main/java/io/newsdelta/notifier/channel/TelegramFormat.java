package io.newsdelta.notifier.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.events.Json;
import java.net.URI;

/**
 * Telegram Bot API {@code sendMessage}: the configured URL is {@code https://api.telegram.org/bot<TOKEN>}, the
 * text uses Telegram's HTML parse mode ({@code <s>}, {@code <b>}, {@code <a>}; only {@code & < >} need escaping),
 * 4,096 characters. The token is never shown in logs or dead letters.
 */
public final class TelegramFormat implements ChatFormat {
  private static final AlertText.Markup HTML = new AlertText.Markup() {
    public String text(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public String strong(String s) {
      return "<b>" + text(s) + "</b>";
    }

    public String deleted(String s) {
      return "<s>" + text(s) + "</s>";
    }

    public String inserted(String s) {
      return "<b>" + text(s) + "</b>";
    }

    public String link(String label, URI url) {
      return "<a href=\"" + text(url.toString()).replace("\"", "&quot;") + "\">" + text(label) + "</a>";
    }
  };

  private final String chatId;

  /** The format for the chat {@code chatId}. */
  public TelegramFormat(String chatId) {
    this.chatId = chatId;
  }

  @Override
  public URI target(URI configured) {
    return URI.create(configured.toString().replaceAll("/+$", "") + "/sendMessage");
  }

  @Override
  public String shownAs(URI configured) {
    return configured.getScheme() + "://" + configured.getAuthority() + "/bot…/sendMessage";
  }

  @Override
  public byte[] body(AlertText text) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("chat_id", chatId);
    root.put("text", text.render(HTML, "\n", 4096, text.linkLabel()));
    root.put("parse_mode", "HTML");
    root.putObject("link_preview_options").put("is_disabled", true);
    return Json.writeBytes(root);
  }
}
