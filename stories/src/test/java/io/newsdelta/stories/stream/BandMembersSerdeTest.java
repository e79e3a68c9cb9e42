package io.newsdelta.stories.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdelta.events.JsonSerde;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandMembersSerdeTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00.123456789Z");
  private static final Member OWN_URL = new Member("https://one.example/a", "https://one.example/a", "one.example",
      "Plan to monitor all internet use", 3, T0.plusSeconds(60), T0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
  private static final Member OTHER_URL = new Member("https://two.example/b", "https://two.example/b?page=2",
      "two.example", null, 1, T0, T0, new byte[] {9, 8, 7});

  private final BandMembersSerde serde = new BandMembersSerde();

  @Test
  void shouldReadBackWhatItWrote() {
    BandMembers band = new BandMembers(List.of(OTHER_URL, OWN_URL));

    BandMembers back = serde.deserialize("t", serde.serialize("t", band));

    assertThat(back.members()).usingRecursiveFieldByFieldElementComparator()
        .containsExactly(OTHER_URL, OWN_URL);
  }

  @Test
  void shouldReadTheJsonEntriesOfEarlierJobs() {
    BandMembers band = new BandMembers(List.of(OTHER_URL, OWN_URL));

    BandMembers back = serde.deserialize("t", JsonSerde.of(BandMembers.class).serialize("t", band));

    assertThat(back.members()).usingRecursiveFieldByFieldElementComparator()
        .containsExactly(OTHER_URL, OWN_URL);
  }

  @Test
  void shouldWriteLessThanThreeQuartersOfTheJson() {
    Member signed = new Member(OWN_URL.articleId(), OWN_URL.url(), OWN_URL.host(), OWN_URL.title(), 1, T0, T0,
        new byte[516]);
    BandMembers band = new BandMembers(List.of(signed, signed, signed));

    assertThat(serde.serialize("t", band).length)
        .isLessThan(JsonSerde.of(BandMembers.class).serialize("t", band).length * 3 / 4);
  }
}
