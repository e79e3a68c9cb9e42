package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleVersion;
import java.util.List;

/**
 * What the diff worker remembers per article (changelogged in Kafka).
 *
 * @param latest the latest version
 * @param textHashes the text hash of every version, version n at index n - 1 (to recognise reverts)
 */
public record ArticleState(ArticleVersion latest, List<String> textHashes) {
  public ArticleState {
    textHashes = List.copyOf(textHashes);
  }
}
