package io.newsdelta.bench.site;

/** When the page around the story (most-read box, ad slot, "updated" stamp, request id) re-renders. */
public enum Boilerplate {
  /** At every request, as many real sites do: no two responses are the same bytes, so no 304. */
  EVERY_REQUEST,
  /** Only when the editor says so: between changes, the page is byte for byte the same and 304s work. */
  ON_CHANGE
}
