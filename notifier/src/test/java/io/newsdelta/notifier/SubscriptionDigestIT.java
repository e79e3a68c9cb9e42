package io.newsdelta.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.HistoryConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SmtpConfig;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.metrics.ServiceMetrics;
import io.newsdelta.net.AddressPolicy;
import io.newsdelta.testsupport.TestBroker;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Digests per subscription on a real SMTP server (GreenMail): one e-mail channel named by two subscriptions with
 * a {@code digest} gets one mail per subscription per period, each with that subscription's changes only, while
 * a subscription without a digest still mails each change at once. Runs with metrics on, as {@code run} does.
 */
class SubscriptionDigestIT {
  private static final Pattern LINK = Pattern.compile("news\\.example%2F(\\w+)%2F(\\d+)&from=1&to=2");

  @Test
  void shouldMailOneDigestPerSubscriptionPerPeriodAndTheOthersAtOnce() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (TestBroker broker = TestBroker.start(); Fixtures.Producer producer = new Fixtures.Producer(broker.bootstrapServers());
        ServiceMetrics metrics = new ServiceMetrics()) {
      Fixtures.createTopics(broker.bootstrapServers());
      NotifierConfig config = Fixtures.config(3, Duration.ofMillis(50))
          .withSmtp(new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), null, null, "newsdelta@example.org", "none"))
          .withChannels(List.of(new ChannelConfig("desk", "email", null, null, null, List.of("desk@example.org"), null)),
              List.of(subscription("politics", "4s"), subscription("sport", "4s"), subscription("weather", null)))
          .withApi(URI.create("https://newsdelta.example.org"), null);
      try (NotifierService notifier = new NotifierService(config,
          new HistoryConfig("jdbc:sqlite:" + Files.createTempDirectory("sub-digest").resolve("history.db")),
          broker.bootstrapServers(), List.of(), metrics, null, AddressPolicy.WITH_LOOPBACK)) {
        notifier.start();
        for (String article : List.of("politics/1", "sport/1", "weather/1", "politics/2", "sport/2")) {
          producer.send(Fixtures.change("https://news.example/" + article, 1, 2));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= 3);
      }
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(3);
      MimeMessage weather = find(mails, "weather");
      MimeMessage politics = find(mails, "politics");
      MimeMessage sport = find(mails, "sport");
      assertThat(articlesIn(weather)).containsExactly("weather/1");
      assertThat(weather.getSubject()).doesNotContain("digest");
      assertThat(articlesIn(politics)).containsExactlyInAnyOrder("politics/1", "politics/2"); // two partitions: any order
      assertThat(politics.getSubject()).startsWith("newsdelta digest politics: 2 changes");
      assertThat(articlesIn(sport)).containsExactlyInAnyOrder("sport/1", "sport/2");
      assertThat(sport.getSubject()).startsWith("newsdelta digest sport: 2 changes");
    } finally {
      smtp.stop();
    }
  }

  private static SubscriptionConfig subscription(String section, String digest) {
    return new SubscriptionConfig(section, null, "*/" + section + "/*", null, null, null, null, null, List.of("desk"),
        digest);
  }

  /** The one mail whose links are all to articles of {@code section}. */
  private static MimeMessage find(MimeMessage[] mails, String section) {
    return Arrays.stream(mails).filter(m -> {
      List<String> articles = articlesIn(m);
      return !articles.isEmpty() && articles.stream().allMatch(a -> a.startsWith(section + "/"));
    }).findFirst().orElseThrow(() -> new AssertionError("no mail of " + section + " alone"));
  }

  /** The articles whose diff links the mail's plain-text part holds, in order. */
  private static List<String> articlesIn(MimeMessage mail) {
    try {
      Object content = mail.getContent();
      String text = content instanceof MimeMultipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
      List<String> found = new ArrayList<>();
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        found.add(m.group(1) + "/" + m.group(2));
      }
      return found;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
