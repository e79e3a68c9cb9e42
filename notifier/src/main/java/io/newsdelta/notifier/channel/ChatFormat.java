package io.newsdelta.notifier.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdelta.events.Json;
import java.net.URI;

/** One service's payload, as its documentation gives it, built as JSON (never by string concatenation). */
public interface ChatFormat {
  /** Where to POST, given the configured URL. */
  default URI target(URI configured) {
    return configured;
  }

  /**
   * How the endpoint is named in logs and dead letters: the host only, since the path of a Slack, Discord or
   * Teams webhook URL is its secret.
   */
  default String shownAs(URI configured) {
    return configured.getScheme() + "://" + configured.getAuthority() + "/…";
  }

  /** The JSON body of one alert. */
  byte[] body(AlertText text);

  /** Slack incoming webhooks (Mattermost and Rocket.Chat take the same): {@code text} plus one mrkdwn section. */
  ChatFormat SLACK = text -> {
    AlertText.Markup mrkdwn = new AlertText.Markup() {
      public String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      }

      public String strong(String s) {
        return "*" + text(s) + "*";
      }

      public String deleted(String s) {
        return "~" + text(s) + "~";
      }

      public String inserted(String s) {
        return "*" + text(s) + "*";
      }

      public String link(String label, URI url) {
        return "<" + url + "|" + text(label) + ">";
      }
    };
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("text", text.headline() + ": " + text.summary());
    ObjectNode section = root.putArray("blocks").addObject();
    section.put("type", "section");
    section.putObject("text").put("type", "mrkdwn").put("text", text.render(mrkdwn, "\n", 3000, text.linkLabel()));
    return Json.writeBytes(root);
  };

  /** Discord webhooks: {@code content} in Discord markdown, 2,000 characters, no mentions. */
  ChatFormat DISCORD = text -> {
    AlertText.Markup md = MarkdownMarkup.DISCORD;
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("content", text.render(md, "\n", 2000, text.linkLabel()));
    root.putObject("allowed_mentions").putArray("parse");
    return Json.writeBytes(root);
  };

  /** Microsoft Teams Workflows webhooks: a message with one Adaptive Card (1.4) and a button to the diff. */
  ChatFormat TEAMS = text -> {
    AlertText.Markup card = MarkdownMarkup.TEAMS;
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", "message");
    ObjectNode attachment = root.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    ObjectNode content = attachment.putObject("content");
    content.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    content.put("type", "AdaptiveCard");
    content.put("version", "1.4");
    ArrayNode body = content.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", text.render(card, "\n\n", 20_000, text.linkLabel()))
        .put("wrap", true);
    ObjectNode action = content.putArray("actions").addObject();
    action.put("type", "Action.OpenUrl").put("title", text.linkLabel()).put("url", text.link().toString());
    return Json.writeBytes(root);
  };
}
