package io.newsdelta.extract;

import java.time.Instant;

/** The article facts read from a page's head, JSON-LD and microdata, before any body extraction. */
record PageMetadata(String title, String standfirst, String byline, Instant publishedAt,
    Instant modifiedAt, String language, String canonicalUrl, String jsonLdBody) {}
