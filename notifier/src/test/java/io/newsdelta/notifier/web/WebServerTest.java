package io.newsdelta.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebServerTest {

  @Test
  void shouldDecodeTheArticleIdFromTheQuery() {
    assertThat(WebServer.queryParam("id=https%3A%2F%2Fa.example%2Fx%3Fp%3D1%26q%3D2", "id"))
        .contains("https://a.example/x?p=1&q=2");
    assertThat(WebServer.queryParam("x=1&id=abc", "id")).contains("abc");
    assertThat(WebServer.queryParam("x=1", "id")).isEmpty();
    assertThat(WebServer.queryParam(null, "id")).isEmpty();
  }
}
