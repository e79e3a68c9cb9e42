package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SmtpConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.testsupport.TestBroker;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * E-mail digests on a real SMTP server (GreenMail): one mail per period listing the channel's changes, and a
 * digest pending at a restart is sent by the next run with every change in it once.
 */
class EmailDigestIT {
  private static final Duration PERIOD = Duration.ofSeconds(8);
  private static final Pattern LINK = Pattern.compile("%2Fdigest-(\\d+)&from=1&to=2");

  @Test
  void shouldMailOneDigestPerPeriodAndKeepAPendingDigestAcrossARestartWithoutLossOrRepeat() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (TestBroker broker = TestBroker.start(); Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers())) {
      Fixtures.createTopics(broker.bootstrapServers());
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50))
          .withSmtp(new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), null, null, "newsdelta@example.org", "none"))
          .withChannels(List.of(new ChannelConfig("desk-digest", "email", null, null, null,
              List.of("desk@example.org"), PERIOD)), List.of())
          .withApi(URI.create("https://newsdelta.example.org"), null);

      try (NotifierService first = Fixtures.notifier(config, broker.bootstrapServers())) {
        first.start();
        producer.send(change(1));
        producer.send(change(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 1);
        producer.send(change(3));
        producer.send(change(4));
      } // stopped well within the period: changes 3 and 4 are pending, uncommitted
      assertThat(smtp.getReceivedMessages()).hasSize(1);

      try (NotifierService second = Fixtures.notifier(config, broker.bootstrapServers())) {
        second.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
        producer.send(change(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 3);
      }

      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(3);
      assertThat(articlesIn(mails[0])).containsExactly(1, 2);
      assertThat(articlesIn(mails[1])).containsExactly(3, 4);
      assertThat(articlesIn(mails[2])).containsExactly(5);
      assertThat(mails[0].getSubject()).startsWith("newsdelta digest: 2 changes");
      MimeMultipart parts = (MimeMultipart) mails[0].getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      var html = Jsoup.parse((String) parts.getBodyPart(1).getContent());
      assertThat(html.select("section")).hasSize(2);
      assertThat(html.select("section p del").eachText()).containsExactly("Ten", "Ten");
      assertThat(html.select("section p ins").eachText()).containsExactly("Twelve", "Twelve");
    } finally {
      smtp.stop();
    }
  }

  private static ArticleChange change(int n) {
    return Fixtures.change("https://news.example/digest-" + n, 1, 2);
  }

  /** The article numbers whose diff links the mail's plain-text part holds, in order. */
  private static List<Integer> articlesIn(MimeMessage mail) throws Exception {
    String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
    List<Integer> found = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }
}
