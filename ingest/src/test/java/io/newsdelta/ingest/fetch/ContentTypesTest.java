package io.newsdelta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {
  @Test
  void shouldTakeHtmlAndXhtmlWithAnyParameters() {
    assertThat(ContentTypes.isHtml("text/html")).isTrue();
    assertThat(ContentTypes.isHtml("Text/HTML; charset=UTF-8")).isTrue();
    assertThat(ContentTypes.isHtml("application/xhtml+xml")).isTrue();
    assertThat(ContentTypes.isHtml(null)).isTrue();
  }

  @Test
  void shouldRefuseWhatIsNotAPage() {
    assertThat(ContentTypes.isHtml("application/pdf")).isFalse();
    assertThat(ContentTypes.isHtml("image/jpeg")).isFalse();
    assertThat(ContentTypes.isHtml("application/json; charset=utf-8")).isFalse();
    assertThat(ContentTypes.isHtml("text/plain")).isFalse();
  }
}
