package io.newsdelta.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import io.newsdelta.events.Json;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTextTest {
  private static final URI PUBLIC = URI.create("https://news.example.org/");

  private static ArticleChange change(boolean headlineChanged, List<Hunk> hunks) {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    return new ArticleChange("https://a.example/x?id=1&p=2#3-4", "https://a.example/x?id=1&p=2", "https://a.example/x?id=1&p=2",
        "Ten <killed> in storm", 3, 4, t, t, headlineChanged, false, null, hunks, new ChangeStats(1, 1),
        "Headline changed; 1 word replaced", "Nine killed in storm");
  }

  @Test
  void shouldSayTheArticleWasRemovedAndLinkItsPageForARemoval() {
    Instant t = Instant.parse("2026-12-01T10:00:00Z");
    ArticleChange removed = new ArticleChange("https://a.example/x#4-4-removed-1", "https://a.example/x",
        "https://a.example/x", "Ten killed in storm", 4, 4, t, t.plusSeconds(3600), false, false, null, List.of(),
        new ChangeStats(0, 0), "Article removed (410 Gone)", "Ten killed in storm", false, null, false, null, false,
        false, false, ArticleChange.Kind.REMOVED, null);

    AlertText text = AlertText.of(removed, PUBLIC);
    String slack = read(ChatFormat.SLACK.body(text)).at("/blocks/0/text/text").asText();

    assertThat(text.link()).hasToString("https://news.example.org/article?id=https%3A%2F%2Fa.example%2Fx");
    assertThat(slack).startsWith("*Ten killed in storm*\nArticle removed (410 Gone)\n").contains(text.link().toString())
        .endsWith("|Show the article>");
  }

  @Test
  void shouldLinkToTheDiffPageOfThePairOfVersions() {
    AlertText text = AlertText.of(change(false, List.of()), PUBLIC);

    assertThat(text.link()).hasToString(
        "https://news.example.org/diff?id=https%3A%2F%2Fa.example%2Fx%3Fid%3D1%26p%3D2&from=3&to=4");
    assertThat(text.previousHeadline()).isNull();
  }

  @Test
  void shouldShowTheOldAndNewHeadlineAndEscapeForTheService() {
    AlertText text = AlertText.of(change(true, List.of(new Hunk(Hunk.Op.REPLACE, "nine", "ten"))), PUBLIC);
    JsonNode slack = read(ChatFormat.SLACK.body(text));
    String mrkdwn = slack.at("/blocks/0/text/text").asText();

    assertThat(mrkdwn).startsWith("~Nine killed in storm~ → *Ten &lt;killed&gt; in storm*\n")
        .contains("~nine~ *ten*").endsWith("|Show the diff>");
    String telegram = read(new TelegramFormat("1").body(text)).get("text").asText();
    assertThat(telegram).contains("<s>Nine killed in storm</s> → <b>Ten &lt;killed&gt; in storm</b>", "<s>nine</s> <b>ten</b>")
        .contains("<a href=\"" + text.link().toString().replace("&", "&amp;") + "\">Show the diff</a>");
  }

  @Test
  void shouldCutTheDiffNeverTheLinkToFitEachServicesLimit() {
    List<Hunk> many = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      many.add(new Hunk(Hunk.Op.REPLACE, "old words number " + i, "new words number " + i));
    }
    AlertText text = AlertText.of(change(true, many), PUBLIC);

    String discord = read(ChatFormat.DISCORD.body(text)).get("content").asText();
    assertThat(discord.length()).isLessThanOrEqualTo(2000);
    assertThat(discord).endsWith("](<" + text.link() + ">)").contains("…").contains("~~old words number 0~~");
    String slack = read(ChatFormat.SLACK.body(text)).at("/blocks/0/text/text").asText();
    assertThat(slack.length()).isLessThanOrEqualTo(3000);
    assertThat(slack).endsWith("<" + text.link() + "|Show the diff>");
    String telegram = read(new TelegramFormat("1").body(text)).get("text").asText();
    assertThat(telegram.length()).isLessThanOrEqualTo(4096);
    assertThat(telegram).endsWith("Show the diff</a>");
    String ntfy = read(new NtfyFormat(URI.create("https://ntfy.sh/desk")).body(text)).get("message").asText();
    assertThat(ntfy.length()).isLessThanOrEqualTo(4096);
    assertThat(ntfy).endsWith("(" + text.link() + ")");
  }

  @Test
  void shouldKeepTheLinkEvenWhenTheHeadlineAloneIsTooLong() {
    ArticleChange c = change(false, List.of(new Hunk(Hunk.Op.INSERT, "", "x")));
    ArticleChange longTitle = new ArticleChange(c.changeId(), c.articleId(), c.url(), "word ".repeat(1000), 3, 4,
        c.fromObservedAt(), c.toObservedAt(), false, false, null, c.hunks(), c.stats(), c.summary(), c.previousTitle());
    AlertText text = AlertText.of(longTitle, PUBLIC);

    String discord = read(ChatFormat.DISCORD.body(text)).get("content").asText();
    assertThat(discord.length()).isLessThanOrEqualTo(2000);
    assertThat(discord).endsWith("](<" + text.link() + ">)");
  }

  private static JsonNode read(byte[] json) {
    return Json.read(json, JsonNode.class);
  }
}
