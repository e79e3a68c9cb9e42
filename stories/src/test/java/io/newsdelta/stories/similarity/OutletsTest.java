package io.newsdelta.stories.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutletsTest {
  @Test
  void shouldDropTheSubDomain() {
    assertThat(Outlets.of("http://news.bbc.co.uk/1/hi/uk_politics/8020039.stm")).isEqualTo("bbc.co.uk");
    assertThat(Outlets.of("https://www.bbc.co.uk/news/uk-politics")).isEqualTo("bbc.co.uk");
    assertThat(Outlets.of("https://www.theguardian.com/uk")).isEqualTo("theguardian.com");
    assertThat(Outlets.of("https://blog.example.org/a")).isEqualTo("example.org");
    assertThat(Outlets.of("https://localhost:8081/a")).isEqualTo("localhost");
  }

  @Test
  void shouldTellOutletsApart() {
    assertThat(Outlets.of("https://www.theherald.co.uk/a")).isNotEqualTo(Outlets.of("https://www.bbc.co.uk/a"));
  }
}
