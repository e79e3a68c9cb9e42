package io.newsdelta.extract;

import java.text.Normalizer;

/**
 * Puts text into the one canonical form newsdelta stores, so that a re-render of the same words is
 * byte-identical and only real edits show up as diffs.
 *
 * <ul>
 *   <li>Unicode NFC;
 *   <li>every single quote and apostrophe variant ({@code ‘ ’ ‚ ‛ ‹ › ′ ʼ `}) becomes {@code '};
 *   <li>every double quote variant ({@code “ ” „ ‟ « » ″}) becomes {@code "};
 *   <li>every hyphen and dash ({@code ‐ ‑ ‒ – — ― − ⁃}) becomes {@code -}; {@code …} becomes
 *       {@code ...};
 *   <li>zero-width characters, soft hyphens, BOMs and control characters are removed;
 *   <li>all whitespace (including no-break and thin spaces) collapses to one space, trimmed.
 * </ul>
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** Returns the canonical form of {@code text}; null becomes the empty string. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(nfc.length());
    boolean pendingSpace = false;
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (isSpace(c)) {
        pendingSpace = !sb.isEmpty();
        continue;
      }
      if (isInvisible(c)) {
        continue;
      }
      if (pendingSpace) {
        sb.append(' ');
        pendingSpace = false;
      }
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2039', '\u203A', '\u2032', '\u02BC', '`' ->
            sb.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> sb.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\u2043' ->
            sb.append('-');
        case '\u2026' -> sb.append("...");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Collapses whitespace only, without the character mapping; used for quick length checks. */
  static boolean isSpace(char c) {
    if (c < 0x80) {
      // The ASCII answer of the test below, without its Unicode table look-ups: this runs for every character
      // of every page (tab to carriage return, the four separators 0x1C-0x1F, and space).
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0' || c == '\u2007'
        || c == '\u202F';
  }

  private static boolean isInvisible(char c) {
    return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060'
        || c == '\uFEFF' || c == '\u180E' || (c < 0x20) || (c >= 0x7F && c < 0xA0);
  }
}
