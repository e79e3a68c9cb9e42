package io.newsdelta.bench.edit;

/**
 * One change the editor made.
 *
 * @param article         the article number
 * @param kind            HEADLINE, REWRITE, INSERT, DELETE, or BOILERPLATE (no text change)
 * @param atMillis        when it was made (epoch ms)
 * @param lastCheckBefore when the article was last requested before it (epoch ms)
 * @param editCount       the article's number of real edits after this one (0 for BOILERPLATE)
 * @param expected        the text the change must show: the new headline, the new or the deleted paragraph;
 *                        null for BOILERPLATE
 * @param previous        what {@code expected} replaced: the old headline or the rewritten paragraph; null otherwise
 */
public record LedgerEntry(int article, String kind, long atMillis, long lastCheckBefore, int editCount, String expected,
    String previous) {

  public static final String BOILERPLATE = "BOILERPLATE";

  /** True for an edit of the text, false for a boilerplate-only re-render. */
  public boolean real() {
    return !BOILERPLATE.equals(kind);
  }
}
