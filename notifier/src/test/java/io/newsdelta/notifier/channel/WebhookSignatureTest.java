package io.newsdelta.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ChangeStats;
import io.newsdelta.events.Hunk;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhook signatures are the Standard Webhooks ones, byte for byte. */
class WebhookSignatureTest {
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void shouldReproduceTheTestVectorOfTheStandardWebhooksSpecification() {
    String signature = WebhookChannel.signature(new Webhook(SPEC_SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void shouldSignTheChangeIdTheTimestampAndTheExactBodySentAsAnyReceiverComputesIt() throws Exception {
    Instant now = Instant.parse("2026-12-01T10:15:30Z");
    ArticleChange change = new ArticleChange("https://news.example/é#1-2", "https://news.example/é",
        "https://news.example/é", "Préfet démissionne", 1, 2, now, now, true, false, null,
        List.of(new Hunk(Hunk.Op.REPLACE, "« dix »", "« douze »")), new ChangeStats(1, 1), "s", "Préfet reste");
    ChangeEvent event = ChangeEvent.of(change, "/newsdelta/diff-worker");
    WebhookChannel channel = new WebhookChannel("hook", java.net.URI.create("http://127.0.0.1:9/hook"), SPEC_SECRET,
        new HttpPoster(Duration.ofSeconds(1)), Clock.fixed(now, ZoneOffset.UTC));

    Map<String, String> headers = channel.headers(event);

    String id = "https://news.example/%C3%A9#1-2";
    assertThat(headers).containsEntry("webhook-id", id).containsEntry("Idempotency-Key", id)
        .containsEntry("webhook-timestamp", Long.toString(now.getEpochSecond()))
        .containsEntry("webhook-signature", "v1," + independentHmac(SPEC_SECRET, id + "." + now.getEpochSecond() + ".", event.json()))
        .containsEntry("ce-id", id)
        .containsEntry("ce-type", "io.newsdelta.article-change");
  }

  @Test
  void shouldSendNoSignatureHeadersWithoutASecret() {
    WebhookChannel channel = new WebhookChannel("hook", java.net.URI.create("http://127.0.0.1:9/hook"), null,
        new HttpPoster(Duration.ofSeconds(1)), Clock.systemUTC());
    ArticleChange change = new ArticleChange("a#1-2", "a", "a", "t", 1, 2, null, null, false, false, null, List.of(),
        new ChangeStats(0, 0), "s", "t");

    assertThat(channel.headers(ChangeEvent.of(change, "src"))).doesNotContainKeys("webhook-id", "webhook-signature")
        .containsEntry("Idempotency-Key", "a#1-2");
  }

  /** The spec's algorithm with the JDK alone: HMAC-SHA256 keyed by the base64 after whsec_. */
  private static String independentHmac(String secret, String prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }
}
