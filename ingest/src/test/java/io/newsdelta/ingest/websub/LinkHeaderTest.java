package io.newsdelta.ingest.websub;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.ingest.websub.LinkHeader.Link;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  private static final URI BASE = URI.create("https://news.example/feeds/world.xml");

  @Test
  void shouldReadSeveralLinksFromOneValue() {
    List<Link> links = LinkHeader.parse(
        List.of("<https://hub.example/>; rel=\"hub\", <https://news.example/feeds/world.xml>; rel=self"), BASE);

    assertThat(links).containsExactly(
        new Link(URI.create("https://hub.example/"), Set.of("hub")),
        new Link(URI.create("https://news.example/feeds/world.xml"), Set.of("self")));
  }

  @Test
  void shouldReadLinksFromSeveralHeaderValues() {
    List<Link> links = LinkHeader.parse(List.of("<https://a.example/hub>; rel=hub", "<https://b.example/hub>; rel=hub"),
        BASE);

    assertThat(LinkHeader.targets(links, "hub"))
        .containsExactly(URI.create("https://a.example/hub"), URI.create("https://b.example/hub"));
  }

  @Test
  void shouldSplitARelListAndIgnoreCase() {
    List<Link> links = LinkHeader.parse(List.of("<https://x.example/>; REL=\"Self  HUB\""), BASE);

    assertThat(links).singleElement().satisfies(l -> assertThat(l.rels()).containsExactlyInAnyOrder("self", "hub"));
  }

  @Test
  void shouldResolveARelativeTargetAgainstTheResponseUrl() {
    assertThat(LinkHeader.targets(LinkHeader.parse(List.of("</websub/hub>; rel=hub"), BASE), "hub"))
        .containsExactly(URI.create("https://news.example/websub/hub"));
  }

  @Test
  void shouldNotSplitAtACommaInsideAQuotedParameter() {
    List<Link> links = LinkHeader.parse(
        List.of("<https://hub.example/>; title=\"hubs, and more\"; rel=hub, <https://next.example/>; rel=next"), BASE);

    assertThat(LinkHeader.targets(links, "hub")).containsExactly(URI.create("https://hub.example/"));
    assertThat(LinkHeader.targets(links, "next")).containsExactly(URI.create("https://next.example/"));
  }

  @Test
  void shouldSkipLinksWithoutRelOrWithATargetThatIsNotHttp() {
    List<Link> links = LinkHeader.parse(List.of("<https://norel.example/>; type=text/html",
        "<mailto:desk@news.example>; rel=hub", "garbage without brackets; rel=hub", "<https://ok.example/"), BASE);

    assertThat(links).isEmpty();
  }

  @Test
  void shouldTakeOnlyTheFirstRelParameter() {
    assertThat(LinkHeader.parse(List.of("<https://x.example/>; rel=next; rel=hub"), BASE))
        .singleElement().satisfies(l -> assertThat(l.rels()).containsExactly("next"));
  }
}
