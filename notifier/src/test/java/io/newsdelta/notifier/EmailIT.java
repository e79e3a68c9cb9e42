package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SmtpConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import io.newsdelta.testsupport.TestBroker;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** E-mail alerts reach a real SMTP server (GreenMail) as multipart text and HTML with the diff highlighted. */
class EmailIT {
  @Test
  void shouldMailEachChangeAsTextAndEscapedHtmlWithTheDiffMarked() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (TestBroker broker = TestBroker.start(); Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50))
          .withSmtp(new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), null, null, "newsdelta@example.org", "none"))
          .withChannels(List.of(new ChannelConfig("desk-mail", "email", null, null, null,
              List.of("desk@example.org", "editor@example.org"), null)), List.of())
          .withApi(URI.create("https://newsdelta.example.org"), null);
      ArticleChange base = Fixtures.change("https://news.example/world/storm", 1, 2);
      ArticleChange change = new ArticleChange(base.changeId(), base.articleId(), base.url(), "Storm <b>batters</b> coast",
          1, 2, base.fromObservedAt(), base.toObservedAt(), true, false, null,
          List.of(new Hunk(Hunk.Op.REPLACE, "Ten", "Twelve <script>alert(1)</script>")), new ChangeStats(3, 1),
          "Headline changed; 1 word replaced", "Storm hits coast");

      try (NotifierService notifier = Fixtures.notifier(config, broker.bootstrapServers())) {
        notifier.start();
        producer.send(change);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
      }

      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getSubject()).isEqualTo("Headline changed: Storm hits coast → Storm <b>batters</b> coast");
      assertThat(mail.getFrom()[0].toString()).isEqualTo("newsdelta@example.org");
      assertThat(mail.getHeader("X-Newsdelta-Change-Id")[0]).isEqualTo(change.changeId());
      MimeMultipart parts = (MimeMultipart) mail.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      assertThat(parts.getCount()).isEqualTo(2);
      String text = (String) parts.getBodyPart(0).getContent();
      assertThat(text).contains("[-Ten-] {+Twelve <script>alert(1)</script>+}",
          "Show the diff: https://newsdelta.example.org/diff?id=https%3A%2F%2Fnews.example%2Fworld%2Fstorm&from=1&to=2");
      assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
      Document html = Jsoup.parse((String) parts.getBodyPart(1).getContent());
      assertThat(html.select("script")).isEmpty();
      assertThat(html.select("p del").text()).isEqualTo("Ten");
      assertThat(html.select("p ins").text()).isEqualTo("Twelve <script>alert(1)</script>");
      assertThat(html.select("h1 del").text()).isEqualTo("Storm hits coast");
      assertThat(html.select("h1 ins").text()).isEqualTo("Storm <b>batters</b> coast");
      assertThat(html.select("a").attr("href"))
          .isEqualTo("https://newsdelta.example.org/diff?id=https%3A%2F%2Fnews.example%2Fworld%2Fstorm&from=1&to=2");
    } finally {
      smtp.stop();
    }
  }
}
