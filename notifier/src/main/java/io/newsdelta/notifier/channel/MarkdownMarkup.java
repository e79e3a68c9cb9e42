package io.newsdelta.notifier.channel;

import java.net.URI;

/**
 * The markdown flavours of the chat services (Discord, Teams' Adaptive Cards, ntfy), which differ only in which
 * characters need a backslash, how deleted and inserted words are marked and how a link is written.
 *
 * @param escaped every character that is written with a backslash before it (the backslash itself among them)
 * @param deleted the format of deleted words, {@code %s} standing for the escaped words ({@code ~~%s~~})
 * @param inserted the format of inserted words ({@code **%s**})
 * @param linkFormat the format of a link, the escaped label first and the URL second ({@code [%s](%s)})
 */
public record MarkdownMarkup(String escaped, String deleted, String inserted, String linkFormat)
    implements AlertText.Markup {
  /** Discord: its markdown's specials and the mention and heading marks; a link in angle brackets has no embed. */
  public static final MarkdownMarkup DISCORD = new MarkdownMarkup("\\*_~`|>[]()#@-", "~~%s~~", "**%s**", "[%s](<%s>)");
  /** Adaptive Card markdown, which has no strikethrough: deletions in italics with a minus, insertions bold with a plus. */
  public static final MarkdownMarkup TEAMS = new MarkdownMarkup("\\*_~`[]", "_−%s_", "**+%s**", "[%s](%s)");
  /** ntfy's markdown. */
  public static final MarkdownMarkup NTFY = new MarkdownMarkup("\\*_~`[]", "~~%s~~", "**%s**", "[%s](%s)");

  public MarkdownMarkup {
    if (!deleted.contains("%s") || !inserted.contains("%s") || linkFormat.indexOf("%s", linkFormat.indexOf("%s") + 2) < 0) {
      throw new IllegalArgumentException("deleted and inserted need a %s, linkFormat two");
    }
  }

  @Override
  public String text(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (escaped.indexOf(c) >= 0) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        out.append('\\');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  @Override
  public String strong(String s) {
    return "**" + text(s) + "**";
  }

  @Override
  public String deleted(String s) {
    return deleted.replace("%s", text(s));
  }

  @Override
  public String inserted(String s) {
    return inserted.replace("%s", text(s));
  }

  @Override
  public String link(String label, URI url) {
    int first = linkFormat.indexOf("%s");
    int second = linkFormat.indexOf("%s", first + 2);
    return linkFormat.substring(0, first) + text(label) + linkFormat.substring(first + 2, second) + url
        + linkFormat.substring(second + 2);
  }
}
