package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Json;
import io.newsdelta.testsupport.TestBroker;
import io.newsdelta.testsupport.WebhookReceiver;
import io.newsdelta.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every chat channel posts its service's documented payload to its (loopback) URL. */
class ChatChannelsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static ChannelConfig channel(String name, String kind, URI url, String chatId) {
    return new ChannelConfig(name, kind, url, null, chatId, List.of(), null);
  }

  private static JsonNode only(WebhookReceiver r) {
    Received post = r.received().get(0);
    assertThat(post.headers().get("content-type")).startsWith("application/json");
    return Json.read(post.body(), JsonNode.class);
  }

  @Test
  void shouldPostAReadableMessageInEachServicesFormat() throws Exception {
    try (TestBroker broker = TestBroker.start(); WebhookReceiver slack = WebhookReceiver.start();
        WebhookReceiver discord = WebhookReceiver.start(); WebhookReceiver teams = WebhookReceiver.start();
        WebhookReceiver ntfy = WebhookReceiver.start(); WebhookReceiver telegram = WebhookReceiver.start();
        Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      URI publicUrl = URI.create("https://newsdelta.example.org");
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50))
          .withChannels(List.of(
              channel("s", "slack", slack.url(), null),
              channel("d", "discord", discord.url(), null),
              channel("t", "teams", teams.url(), null),
              channel("n", "ntfy", URI.create(ntfy.url() + "/newsdelta-desk"), null),
              channel("g", "telegram", URI.create(telegram.url() + "/bot123:SECRET"), "42")), List.of())
          .withApi(publicUrl, null);
      ArticleChange change = Fixtures.change("https://news.example/world/storm", 1, 2);
      String link = "https://newsdelta.example.org/diff?id=https%3A%2F%2Fnews.example%2Fworld%2Fstorm&from=1&to=2";

      try (NotifierService notifier = Fixtures.notifier(config, broker.bootstrapServers())) {
        notifier.start();
        producer.send(change);
        await().atMost(WAIT).until(() -> List.of(slack, discord, teams, ntfy, telegram).stream()
            .allMatch(r -> r.received().size() == 1));
      }

      JsonNode s = only(slack);
      assertThat(s.get("text").asText()).contains("Storm batters coast");
      assertThat(s.at("/blocks/0/type").asText()).isEqualTo("section");
      assertThat(s.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
      assertThat(s.at("/blocks/0/text/text").asText())
          .isEqualTo("~Storm hits coast~ → *Storm batters coast*\nHeadline changed; 1 word replaced\n~Ten~ *Twelve*\n<"
              + link + "|Show the diff>");

      JsonNode d = only(discord);
      assertThat(d.get("content").asText()).contains("~~Storm hits coast~~ → **Storm batters coast**", "~~Ten~~ **Twelve**")
          .endsWith("[Show the diff](<" + link + ">)");
      assertThat(d.at("/allowed_mentions/parse").isArray()).isTrue();
      assertThat(d.at("/allowed_mentions/parse")).isEmpty();

      JsonNode t = only(teams);
      assertThat(t.get("type").asText()).isEqualTo("message");
      assertThat(t.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
      assertThat(t.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
      assertThat(t.at("/attachments/0/content/body/0/type").asText()).isEqualTo("TextBlock");
      assertThat(t.at("/attachments/0/content/body/0/text").asText()).contains("**+Storm batters coast**", "_−Ten_");
      assertThat(t.at("/attachments/0/content/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
      assertThat(t.at("/attachments/0/content/actions/0/url").asText()).isEqualTo(link);

      assertThat(ntfy.received().get(0).path()).isEqualTo("/hook/");
      JsonNode n = only(ntfy);
      assertThat(n.get("topic").asText()).isEqualTo("newsdelta-desk");
      assertThat(n.get("title").asText()).startsWith("Storm batters coast");
      assertThat(n.get("click").asText()).isEqualTo(link);
      assertThat(n.get("markdown").asBoolean()).isTrue();
      assertThat(n.get("message").asText()).contains("~~Ten~~ **Twelve**");

      assertThat(telegram.received().get(0).path()).isEqualTo("/hook/bot123:SECRET/sendMessage");
      JsonNode g = only(telegram);
      assertThat(g.get("chat_id").asText()).isEqualTo("42");
      assertThat(g.get("parse_mode").asText()).isEqualTo("HTML");
      assertThat(g.get("text").asText()).contains("<s>Ten</s> <b>Twelve</b>")
          .endsWith("<a href=\"" + link.replace("&", "&amp;") + "\">Show the diff</a>");
    }
  }
}
