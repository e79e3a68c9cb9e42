package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * What the diff worker remembers per article (changelogged in Kafka). Fields are only added: a state written by
 * an older worker reads with the new fields defaulted, and its {@code textHashes} become {@code seen}.
 *
 * @param latest the latest version
 * @param textHashes read from older states only (the text hash of every version, version n at index n - 1);
 *     written empty, {@code seen} replaced it
 * @param extractorVersion the extraction rules that produced the latest text; null in states written before it
 *     was recorded, which counts as different rules
 * @param seen the texts seen most recently (at most {@value #MAX_SEEN}), by short hash, to recognise reverts
 * @param announcedPairs the transitions between two texts already announced ("from>to", short hashes, at most
 *     {@value #MAX_PAIRS}): a flip-flop is announced once per pair, then only recorded
 * @param base the last announced version when later append-only versions are held back for one summarised
 *     change, else null (the next change is described from {@code latest})
 * @param lastAnnouncedAt when the last change of this article was announced, or null
 * @param heldUpdates how many append-only versions since {@code base} wait to be announced
 * @param absent what was announced of the article's existence: {@code removed} or {@code moved}, until a
 *     {@code restored} change; null while it is there. A lifecycle event that would announce what is already
 *     announced (a replay, ingest re-publishing after a crash) makes no change
 * @param movedTo for {@code moved}, the target announced
 */
public record ArticleState(
    ArticleVersion latest,
    List<String> textHashes,
    String extractorVersion,
    List<SeenText> seen,
    List<String> announcedPairs,
    ArticleVersion base,
    java.time.Instant lastAnnouncedAt,
    int heldUpdates,
    ArticleChange.Kind absent,
    String movedTo) {
  /** Texts remembered per article; an older text coming back is a new version, not a revert. */
  static final int MAX_SEEN = 64;
  /** Announced pairs remembered per article. */
  static final int MAX_PAIRS = 64;
  /** Hex digits of the SHA-256 kept per text: 64 bits, collisions within one article are not a concern. */
  static final int SHORT_HASH = 16;

  /**
   * A text an article had.
   *
   * @param hash the first {@value ArticleState#SHORT_HASH} hex digits of the text's SHA-256
   * @param version the latest version with that text
   */
  public record SeenText(String hash, int version) {}

  public ArticleState {
    seen = seen == null ? new ArrayList<>() : new ArrayList<>(seen);
    if (seen.isEmpty() && textHashes != null) {
      for (int i = 0; i < textHashes.size(); i++) {
        seen.add(new SeenText(shortHash(textHashes.get(i)), i + 1));
      }
    }
    seen = List.copyOf(seen.subList(Math.max(0, seen.size() - MAX_SEEN), seen.size()));
    textHashes = List.of();
    announcedPairs = announcedPairs == null ? List.of() : List.copyOf(announcedPairs);
  }

  /** A first state, or one read from an older worker. */
  public ArticleState(ArticleVersion latest, List<String> textHashes, String extractorVersion) {
    this(latest, textHashes, extractorVersion, null, null, null, null, 0);
  }

  /** A state of a worker before lifecycle changes: the article is there. */
  public ArticleState(ArticleVersion latest, List<String> textHashes, String extractorVersion, List<SeenText> seen,
      List<String> announcedPairs, ArticleVersion base, java.time.Instant lastAnnouncedAt, int heldUpdates) {
    this(latest, textHashes, extractorVersion, seen, announcedPairs, base, lastAnnouncedAt, heldUpdates, null, null);
  }

  /** This state with the article's announced existence given ({@code absent} null: it is there). */
  public ArticleState withAbsence(ArticleChange.Kind absent, String movedTo) {
    return new ArticleState(latest, null, extractorVersion, seen, announcedPairs, base, lastAnnouncedAt, heldUpdates,
        absent, absent == ArticleChange.Kind.MOVED ? movedTo : null);
  }

  /** The version the next change is described from. */
  ArticleVersion describedFrom() {
    return base != null ? base : latest;
  }

  /** Whether append-only versions are held back, waiting to be announced. */
  public boolean holding() {
    return base != null;
  }

  /** The latest version whose text has this hash, or null when none remembered has. */
  Integer versionWith(String textSha256) {
    String h = shortHash(textSha256);
    for (int i = seen.size() - 1; i >= 0; i--) {
      if (seen.get(i).hash().equals(h)) {
        return seen.get(i).version();
      }
    }
    return null;
  }

  boolean announced(String pair) {
    return announcedPairs.contains(pair);
  }

  /** The state after a new latest version that was announced ({@code announcedPair} not null) or not. */
  ArticleState advance(ArticleVersion version, String rules, String announcedPair) {
    return advance(version, rules, announcedPair, null, announcedPair != null ? version.observedAt() : lastAnnouncedAt, 0);
  }

  /** The state after a new latest version, with the append-only bookkeeping given. */
  ArticleState advance(
      ArticleVersion version, String rules, String announcedPair, ArticleVersion base, java.time.Instant announcedAt,
      int held) {
    String h = shortHash(version.textSha256());
    List<SeenText> texts = new ArrayList<>(seen.size() + 1);
    for (SeenText t : seen) {
      if (!t.hash().equals(h)) {
        texts.add(t);
      }
    }
    texts.add(new SeenText(h, version.version()));
    List<String> pairs = new ArrayList<>(announcedPairs);
    if (announcedPair != null && !pairs.contains(announcedPair)) {
      pairs.add(announcedPair);
      if (pairs.size() > MAX_PAIRS) {
        pairs.remove(0);
      }
    }
    return new ArticleState(version, null, rules, texts, pairs, base, announcedAt, held, absent, movedTo);
  }

  ArticleState withRules(String rules) {
    return new ArticleState(latest, null, rules, seen, announcedPairs, base, lastAnnouncedAt, heldUpdates, absent,
        movedTo);
  }

  /** The state once the held append-only versions were announced at {@code at}. */
  ArticleState released(java.time.Instant at) {
    return new ArticleState(latest, null, extractorVersion, seen, announcedPairs, null, at, 0, absent, movedTo);
  }

  static String pair(String fromSha256, String toSha256) {
    return shortHash(fromSha256) + ">" + shortHash(toSha256);
  }

  static String shortHash(String sha256) {
    return sha256.length() <= SHORT_HASH ? sha256 : sha256.substring(0, SHORT_HASH);
  }
}
