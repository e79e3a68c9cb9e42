package io.newsdelta.notifier.channel;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.net.AddressPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Builds the channel of each configured {@link ChannelConfig}. */
public final class Channels {
  private Channels() {}

  /** Every channel of {@code config}, in order, each with an HTTP client of its own. */
  public static List<Channel> of(NotifierConfig config, Clock clock, AddressPolicy addressPolicy) {
    List<Channel> result = new ArrayList<>();
    for (ChannelConfig c : config.allChannels()) {
      result.add(of(c, config, clock, addressPolicy));
    }
    return result;
  }

  /** The channel of one configured channel. */
  public static Channel of(ChannelConfig c, NotifierConfig config, Clock clock, AddressPolicy addressPolicy) {
    HttpPoster poster = new HttpPoster(config.delivery().attemptTimeout(), addressPolicy);
    return switch (c.kind()) {
      case "webhook" -> new WebhookChannel(c.name(), c.url(), c.secret(), poster, clock);
      case "slack", "mattermost", "rocketchat" -> new ChatChannel(c.name(), c.url(), ChatFormat.SLACK, config.publicUrl(), poster);
      case "discord" -> new ChatChannel(c.name(), c.url(), ChatFormat.DISCORD, config.publicUrl(), poster);
      case "teams" -> new ChatChannel(c.name(), c.url(), ChatFormat.TEAMS, config.publicUrl(), poster);
      case "ntfy" -> new ChatChannel(c.name(), c.url(), new NtfyFormat(c.url()), config.publicUrl(), poster);
      case "email" -> new io.newsdelta.notifier.email.EmailChannel(
          c.name(), c.to(), config.smtp(), config.publicUrl(), config.delivery().attemptTimeout(), c.digest());
      case "telegram" -> new ChatChannel(c.name(), c.url(), new TelegramFormat(c.chatId()), config.publicUrl(), poster);
      default -> throw new NewsdeltaException("channel " + c.name() + ": kind " + c.kind() + " is not supported yet");
    };
  }
}
