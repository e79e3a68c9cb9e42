/**
 * Article extraction: turns a fetched news page into the normalised text the diff worker versions.
 *
 * <p>{@link io.newsdelta.extract.ArticleExtractor} is the facade. Inside, the work is a chain
 * of pure steps over a jsoup document: decode the bytes ({@code CharsetSniffer}), read metadata
 * ({@code MetadataReader}, {@code JsonLd}), drop boilerplate ({@code Cleaner}, {@code Hints}), pick the
 * body ({@code ContentScorer}), cut it into paragraphs ({@code BlockCollector}) and normalise each
 * paragraph ({@link io.newsdelta.extract.TextNormalizer}) so that a re-render of the same
 * text is byte-identical. Precision matters more than anything here: every boilerplate string that
 * leaks into the text becomes a false "new version" alert.
 */
package io.newsdelta.extract;
