package io.newsdelta.ingest.poll;

/**
 * A feed response that could not be read as RSS or Atom. Checked: the poller turns it into an error event
 * and goes on with the other feeds.
 */
public final class FeedParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the document. */
  public enum Problem {
    /** Not well-formed XML (an HTML page, an empty body, garbage). */
    NOT_XML,
    /** Well-formed XML, but neither RSS nor Atom. */
    NOT_A_FEED
  }

  private final Problem problem;

  public FeedParseException(Problem problem, String detail, Throwable cause) {
    super(detail, cause);
    this.problem = problem;
  }

  /** What is wrong with the document. */
  public Problem problem() {
    return problem;
  }
}
