package io.newsdelta.stories.stream;

import java.time.Instant;
import java.util.List;

/**
 * What the sign stage last sent an article's bands, kept by article id in {@link SignProcessor#STORE}: a later
 * version whose band key is unchanged only compares in that band instead of rewriting its entry.
 *
 * @param keys the band keys of the last banded version
 * @param joinedAt the observation time of the last version that joined all its bands (the window's refresh)
 */
record LastBanding(List<String> keys, Instant joinedAt) {
  LastBanding {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
