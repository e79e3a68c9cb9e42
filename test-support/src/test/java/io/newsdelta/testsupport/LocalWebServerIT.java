package io.newsdelta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalWebServerIT {

  private final HttpClient client = HttpClient.newHttpClient();
  private final LocalWebServer web = LocalWebServer.start();

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void shouldServeTheLatestContentForAPath() throws Exception {
    web.serve("/article/1", "text/html; charset=utf-8", "<p>first</p>");
    assertThat(get("/article/1").body()).isEqualTo("<p>first</p>");

    web.serve("/article/1", "text/html; charset=utf-8", "<p>second</p>");
    HttpResponse<String> response = get("/article/1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("<p>second</p>");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(web.hits("/article/1")).isEqualTo(2);
    assertThat(web.url("/article/1").toString()).startsWith("http://127.0.0.1:");
  }

  @Test
  void shouldAnswerUnknownPathsWith404AndCountThem() throws Exception {
    assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    assertThat(web.hits("/nothing-here")).isEqualTo(1);
    assertThat(web.hits("/never-asked")).isZero();
  }

  @Test
  void shouldServeErrorStatusesAndRawBytes() throws Exception {
    web.serve("/gone", 410, "text/plain", "gone");
    byte[] latin1 = "café".getBytes(Charset.forName("windows-1252"));
    web.serveBytes("/legacy", 200, "text/html; charset=windows-1252", latin1);

    assertThat(get("/gone").statusCode()).isEqualTo(410);
    HttpResponse<byte[]> legacy = client.send(request("/legacy").build(), BodyHandlers.ofByteArray());
    assertThat(legacy.body()).containsExactly(latin1);
  }

  @Test
  void shouldEncodeTextInTheCharsetOfItsContentType() throws Exception {
    web.serve("/latin", "text/html; charset=ISO-8859-1", "café");

    HttpResponse<byte[]> response = client.send(request("/latin").build(), BodyHandlers.ofByteArray());

    assertThat(response.body()).containsExactly('c', 'a', 'f', 0xE9);
  }

  @Test
  void shouldAnswer304WhenTheEtagStillMatches() throws Exception {
    web.serve("/feed.xml", "application/rss+xml", "<rss/>", "v1");
    HttpResponse<String> first = get("/feed.xml");
    assertThat(first.headers().firstValue("etag")).hasValue("\"v1\"");

    HttpResponse<String> revalidated = send(request("/feed.xml").header("If-None-Match", "\"v1\""));
    web.serve("/feed.xml", "application/rss+xml", "<rss>new</rss>", "v2");
    HttpResponse<String> changed = send(request("/feed.xml").header("If-None-Match", "\"v1\""));

    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo("<rss>new</rss>");
    assertThat(web.hits("/feed.xml")).isEqualTo(3);
    assertThat(web.lastRequestHeaders("/feed.xml")).containsEntry("if-none-match", "\"v1\"");
  }

  @Test
  void shouldAnswer304WhenNotModifiedSince() throws Exception {
    Instant modified = Instant.parse("2026-01-05T10:00:00Z");
    web.serve("/atom.xml", "application/atom+xml", "<feed/>", null, modified);

    HttpResponse<String> first = get("/atom.xml");
    String lastModified = first.headers().firstValue("last-modified").orElseThrow();
    HttpResponse<String> same = send(request("/atom.xml").header("If-Modified-Since", lastModified));
    HttpResponse<String> older = send(request("/atom.xml")
        .header("If-Modified-Since", httpDate(modified.minusSeconds(60))));

    assertThat(lastModified).isEqualTo(httpDate(modified));
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(older.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRedirect() throws Exception {
    web.redirect("/old", "/new");

    HttpResponse<String> response = get("/old");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("location")).hasValue("/new");
  }

  @Test
  void shouldServeAPathWithoutQueryForAnyQuery() throws Exception {
    web.serve("/search", "text/plain", "any");
    web.serve("/search?q=exact", "text/plain", "exact");

    assertThat(get("/search?q=other").body()).isEqualTo("any");
    assertThat(get("/search?q=exact").body()).isEqualTo("exact");
  }

  @Test
  void shouldHandleConcurrentRequestsWhileContentIsReplaced() {
    web.serve("/busy", "text/plain", "v0");

    List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 20)
        .mapToObj(i -> {
          web.serve("/busy", "text/plain", "v" + i);
          return client.sendAsync(request("/busy").build(), BodyHandlers.ofString());
        })
        .toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.join().statusCode()).isEqualTo(200));
    assertThat(web.hits("/busy")).isEqualTo(20);
  }

  @Test
  void shouldRefuseConnectionsAfterClose() {
    URI url = web.url("/article/1");
    web.close();

    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(url).build(), BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(web.url(path));
  }

  private static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
  }
}
