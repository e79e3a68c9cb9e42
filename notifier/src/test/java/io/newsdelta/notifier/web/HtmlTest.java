package io.newsdelta.notifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void shouldEscapeEveryCharacterThatCanBreakOutOfTextOrAttributes() {
    assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void shouldLinkOnlyToWebUrls() {
    assertThat(Html.externalLink("https://news.example/a?x=1&y=2"))
        .isEqualTo("<a class=\"url\" rel=\"noopener noreferrer\" href=\"https://news.example/a?x=1&amp;y=2\">"
            + "https://news.example/a?x=1&amp;y=2</a>");
    assertThat(Html.externalLink("javascript:alert(1)")).doesNotContain("href").contains("javascript:alert(1)");
    assertThat(Html.externalLink("JavaScript:alert(1)")).doesNotContain("href");
  }

  @Test
  void shouldEncodeTheArticleIdInTheLinkToItsPage() {
    assertThat(Html.articleHref("https://news.example/a?id=1&b=2"))
        .isEqualTo("/article?id=https%3A%2F%2Fnews.example%2Fa%3Fid%3D1%26b%3D2");
  }
}
