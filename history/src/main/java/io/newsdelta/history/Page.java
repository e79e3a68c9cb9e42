package io.newsdelta.history;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the rows of this page
 * @param page the page number, from 1
 * @param size the most rows a page holds
 * @param more whether a next page has rows
 */
public record Page<T>(List<T> items, int page, int size, boolean more) {
  public Page {
    items = List.copyOf(items);
  }

  /** Rows to skip for page {@code page} of {@code size}. */
  static int offset(int page, int size) {
    return (Math.max(1, page) - 1) * size;
  }
}
