package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleVersion;
import java.util.List;

/**
 * What the diff worker remembers per article (changelogged in Kafka). Fields are only added: a state written by
 * an older worker reads with the new fields defaulted.
 *
 * @param latest the latest version
 * @param textHashes the text hash of every version, version n at index n - 1 (to recognise reverts)
 * @param extractorVersion the extraction rules that produced the latest text; null in states written before it
 *     was recorded, which counts as different rules
 */
public record ArticleState(ArticleVersion latest, List<String> textHashes, String extractorVersion) {
  public ArticleState {
    textHashes = textHashes == null ? List.of() : List.copyOf(textHashes);
  }
}
