package io.newsdelta.notifier;

import static io.newsdelta.notifier.Fixtures.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsdelta.config.ChannelConfig;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Topics;
import io.newsdelta.testsupport.Consume;
import io.newsdelta.testsupport.StallingReceiver;
import io.newsdelta.testsupport.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several changes in progress per channel, never two of one article: a change held up by its endpoint (failing,
 * backing off) delays neither the other endpoints nor the other articles' changes to the same endpoint, and a
 * restart in the middle neither loses nor repeats a change although they settled out of order.
 */
class ConcurrentDeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int PARTITIONS = 2;

  @RegisterExtension final NotifierFixture kafka = new NotifierFixture();

  @Test
  void shouldDeliverEveryChangeToALiveEndpointWhileAHangingAndADeadOneAreStillFailing() throws Exception {
    try (WebhookReceiver live = WebhookReceiver.start(); StallingReceiver hanging = StallingReceiver.start()) {
      URI dead = deadUrl();
      NotifierConfig config = Fixtures.config(3, Duration.ofSeconds(30), hanging.url(), dead, live.url())
          .withDelivery(new NotifierConfig.Delivery(Duration.ofMinutes(1), Duration.ofSeconds(10), 5, Duration.ofMinutes(1)));
      List<ArticleChange> changes = changesOfArticles(10, 4);

      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        for (ArticleChange c : changes) {
          kafka.producer().send(c);
        }
        await().atMost(WAIT).until(() -> live.received().size() >= changes.size());
        // The hanging endpoint holds its first attempts open (10 s timeout) and the dead one waits 30 s to retry:
        // neither has given up on anything, yet the live one has every change.
        assertThat(Consume.records(kafka.bootstrap(), Topics.NOTIFICATIONS_DLQ, 1, Duration.ofSeconds(1)))
            .isEmpty();
        assertThat(hanging.requests()).isLessThanOrEqualTo(NotifierConfig.Delivery.DEFAULT_MAX_IN_FLIGHT);
      }
      assertThat(live.received()).extracting(r -> r.headers().get("idempotency-key"))
          .containsExactlyInAnyOrderElementsOf(changes.stream().map(ArticleChange::changeId).toList())
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void shouldNotLetAnArticleWhoseChangeIsBackingOffHoldBackTheOtherArticlesToTheSameEndpoint() throws Exception {
    try (SelectiveReceiver hook = SelectiveReceiver.start()) {
      List<ArticleChange> others = sharingPartitionWith("https://news.example/held", 8);
      ArticleChange held = change("https://news.example/held", 1, 2);
      hook.refuse(held.articleId());
      NotifierConfig config = Fixtures.config(5, Duration.ofHours(1), hook.url());

      try (NotifierService notifier = Fixtures.notifier(config, kafka.bootstrap())) {
        notifier.start();
        kafka.producer().send(held);
        for (ArticleChange c : others) {
          kafka.producer().send(c);
        }
        await().atMost(WAIT).until(() -> hook.taken().size() == others.size());
        assertThat(hook.refusedCount()).isEqualTo(1); // still waiting for its retry, an hour away
      }
      assertThat(hook.taken()).containsExactlyInAnyOrderElementsOf(ids(others));
    }
  }

  @Test
  void shouldNeitherLoseNorRepeatChangesSettledOutOfOrderAcrossARestart() throws Exception {
    try (SelectiveReceiver hook = SelectiveReceiver.start()) {
      String heldArticle = "https://news.example/held";
      List<ArticleChange> others = sharingPartitionWith(heldArticle, 8);
      ArticleChange held = change(heldArticle, 1, 2);
      ArticleChange heldNext = change(heldArticle, 2, 3);
      hook.refuse(heldArticle);
      NotifierConfig config = Fixtures.config(5, Duration.ofHours(1), hook.url());

      try (NotifierService first = Fixtures.notifier(config, kafka.bootstrap())) {
        first.start();
        kafka.producer().send(held);
        kafka.producer().send(heldNext); // same article: must wait behind the held change, also across the restart
        for (ArticleChange c : others) {
          kafka.producer().send(c);
        }
        await().atMost(WAIT).until(() -> hook.taken().size() == others.size());
      }
      // The held change was neither delivered nor dead-lettered: the commit stays below it, and the metadata
      // says the later ones of its partition were taken.
      hook.refuse(null);
      ArticleChange after = change(others.get(0).articleId(), 9, 10);
      try (NotifierService second = Fixtures.notifier(config, kafka.bootstrap())) {
        second.start();
        kafka.producer().send(after);
        await().atMost(WAIT).until(() -> hook.taken().contains(after.changeId()) && hook.taken().contains(heldNext.changeId()));
      }

      List<String> expected = new ArrayList<>(ids(others));
      expected.add(held.changeId());
      expected.add(heldNext.changeId());
      expected.add(after.changeId());
      assertThat(hook.taken()).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
      assertThat(hook.taken().indexOf(held.changeId())).isLessThan(hook.taken().indexOf(heldNext.changeId()));
    }
  }

  private static List<String> ids(List<ArticleChange> changes) {
    return changes.stream().map(ArticleChange::changeId).toList();
  }

  private static List<ArticleChange> changesOfArticles(int articles, int perArticle) {
    List<ArticleChange> changes = new ArrayList<>();
    for (int v = 1; v <= perArticle; v++) {
      for (int a = 0; a < articles; a++) {
        changes.add(change("https://news.example/story-" + a, v, v + 1));
      }
    }
    return changes;
  }

  /** Changes of {@code n} other articles on the same partition as {@code article} (the default partitioner). */
  private static List<ArticleChange> sharingPartitionWith(String article, int n) {
    List<ArticleChange> found = new ArrayList<>();
    for (int i = 0; found.size() < n; i++) {
      String other = "https://news.example/other-" + i;
      if (partition(other) == partition(article)) {
        found.add(change(other, 1, 2));
      }
    }
    return found;
  }

  private static int partition(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  private static URI deadUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/hook");
    }
  }

  /** A loopback webhook receiver that answers 503 to the changes of one article and 204 to the rest. */
  private static final class SelectiveReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> taken = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, String> refusing = new ConcurrentHashMap<>();

    private SelectiveReceiver() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String article = refusing.get("article");
        if (article != null && body.contains("\"articleId\":\"" + article + "\"")) {
          refused.incrementAndGet();
          exchange.sendResponseHeaders(503, -1);
        } else {
          taken.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
          exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
      });
      server.start();
    }

    static SelectiveReceiver start() {
      return new SelectiveReceiver();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** Refuses the changes of {@code articleId} from now on (null: refuses nothing). */
    void refuse(String articleId) {
      if (articleId == null) {
        refusing.remove("article");
      } else {
        refusing.put("article", articleId);
      }
    }

    /** The change ids answered 2xx, in arrival order. */
    List<String> taken() {
      return List.copyOf(taken);
    }

    int refusedCount() {
      return refused.get();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
