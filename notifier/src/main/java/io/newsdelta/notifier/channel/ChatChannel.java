package io.newsdelta.notifier.channel;

import java.net.URI;
import java.util.Map;

/**
 * A chat or push service reached by one HTTP POST per alert (Slack, Discord, Teams, ntfy, Telegram): the
 * {@link ChatFormat} writes the service's payload, the {@link HttpPoster} sends it.
 */
public final class ChatChannel implements Channel {
  private final String name;
  private final URI url;
  private final ChatFormat format;
  private final URI publicUrl;
  private final HttpPoster poster;

  /** A channel posting {@code format}'s payload to {@code url}; links point under {@code publicUrl}. */
  public ChatChannel(String name, URI url, ChatFormat format, URI publicUrl, HttpPoster poster) {
    this.name = name;
    this.url = url;
    this.format = format;
    this.publicUrl = publicUrl;
    this.poster = poster;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Attempt send(ChangeEvent event) throws InterruptedException {
    AlertText text = AlertText.of(event.change(), publicUrl);
    Map<String, String> headers = Map.of("Content-Type", "application/json; charset=utf-8");
    return poster.post(format.target(url), format.shownAs(url), headers, format.body(text));
  }
}
