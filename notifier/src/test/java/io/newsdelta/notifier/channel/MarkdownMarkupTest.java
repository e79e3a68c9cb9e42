package io.newsdelta.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one markdown markup, in the three flavours the chat channels use. */
class MarkdownMarkupTest {
  private static final URI LINK = URI.create("https://newsdelta.example.org/diff?id=a&from=1&to=2");

  @Test
  void shouldEscapeEachFlavoursOwnCharactersOnly() {
    String s = "a*b_c~d`e[f]g\\h|i>j(k)l#m@n-o";
    assertThat(MarkdownMarkup.DISCORD.text(s)).isEqualTo("a\\*b\\_c\\~d\\`e\\[f\\]g\\\\h\\|i\\>j\\(k\\)l\\#m\\@n\\-o");
    assertThat(MarkdownMarkup.TEAMS.text(s)).isEqualTo("a\\*b\\_c\\~d\\`e\\[f\\]g\\\\h|i>j(k)l#m@n-o");
    assertThat(MarkdownMarkup.NTFY.text(s)).isEqualTo(MarkdownMarkup.TEAMS.text(s));
    assertThat(MarkdownMarkup.NTFY.text("plain words")).isEqualTo("plain words");
  }

  @Test
  void shouldMarkDeletionsInsertionsAndLinksInEachFlavour() {
    assertThat(MarkdownMarkup.DISCORD.deleted("old*")).isEqualTo("~~old\\*~~");
    assertThat(MarkdownMarkup.DISCORD.inserted("new")).isEqualTo("**new**");
    assertThat(MarkdownMarkup.DISCORD.link("Show [it]", LINK)).isEqualTo("[Show \\[it\\]](<" + LINK + ">)");
    assertThat(MarkdownMarkup.TEAMS.deleted("old")).isEqualTo("_−old_");
    assertThat(MarkdownMarkup.TEAMS.inserted("new")).isEqualTo("**+new**");
    assertThat(MarkdownMarkup.TEAMS.link("%s label", LINK)).isEqualTo("[%s label](" + LINK + ")");
    assertThat(MarkdownMarkup.NTFY.strong("Head_line")).isEqualTo("**Head\\_line**");
  }

  @Test
  void shouldRefuseFormatsWithoutTheirPlaceholders() {
    assertThatThrownBy(() -> new MarkdownMarkup("*", "~~", "**%s**", "[%s](%s)")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MarkdownMarkup("*", "~~%s~~", "**%s**", "[%s]")).isInstanceOf(IllegalArgumentException.class);
  }
}
