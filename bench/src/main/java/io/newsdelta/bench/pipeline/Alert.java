package io.newsdelta.bench.pipeline;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.Hunk;
import java.util.stream.Collectors;

/**
 * One webhook delivery as the benchmark keeps it.
 *
 * @param arrivalMillis   when it arrived (epoch ms)
 * @param article         the site's article number, -1 if the URL is not one of the site's
 * @param toObservedAtMillis the fetch time of the new version
 * @param title           the new headline
 * @param headlineChanged whether the headline changed
 * @param newText         the hunks' new text, joined
 * @param oldText         the hunks' old text, joined
 * @param url             the page's URL, as the change names it
 */
public record Alert(long arrivalMillis, int article, long toObservedAtMillis, String title,
    boolean headlineChanged, String newText, String oldText, String url) {

  /** The alert for {@code change}, arrived at {@code arrivalMillis}. */
  static Alert of(ArticleChange change, int article, long arrivalMillis) {
    return new Alert(arrivalMillis, article,
        change.toObservedAt() == null ? 0 : change.toObservedAt().toEpochMilli(),
        change.title(), change.headlineChanged(),
        change.hunks().stream().map(Hunk::newText).filter(s -> s != null).collect(Collectors.joining(" ")),
        change.hunks().stream().map(Hunk::oldText).filter(s -> s != null).collect(Collectors.joining(" ")),
        change.url());
  }
}
