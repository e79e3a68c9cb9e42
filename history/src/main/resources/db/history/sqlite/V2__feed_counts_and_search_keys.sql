-- V2: the article list and search read only their page's rows, never count or sort every article (issue 9's
-- 50 ms goal at 100,000 articles). In step with the PostgreSQL V2; V3 (Java) indexes the rows already stored.

-- How many articles each feed has, kept by triggers on articles: every page shows the sources, and counting a
-- large feed's rows (even from an index) took longer than the whole page may.
CREATE TABLE feed_counts (
  feed_url TEXT PRIMARY KEY,
  articles INTEGER NOT NULL
);
INSERT INTO feed_counts (feed_url, articles)
SELECT feed_url, count(*) FROM articles WHERE feed_url IS NOT NULL GROUP BY feed_url;

CREATE TRIGGER articles_counted AFTER INSERT ON articles WHEN new.feed_url IS NOT NULL
BEGIN
  INSERT INTO feed_counts (feed_url, articles) VALUES (new.feed_url, 1)
  ON CONFLICT (feed_url) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER articles_recounted AFTER UPDATE OF feed_url ON articles WHEN old.feed_url IS NOT new.feed_url
BEGIN
  UPDATE feed_counts SET articles = articles - 1 WHERE feed_url = old.feed_url;
  INSERT INTO feed_counts (feed_url, articles) SELECT new.feed_url, 1 WHERE new.feed_url IS NOT NULL
  ON CONFLICT (feed_url) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER articles_uncounted AFTER DELETE ON articles WHEN old.feed_url IS NOT NULL
BEGIN
  UPDATE feed_counts SET articles = articles - 1 WHERE feed_url = old.feed_url;
END;

-- Search: the FTS5 row id of an article is its search key, (last change in ms) * 2^20 + a slot for articles
-- changed in the same millisecond, so FTS5 yields matches newest first and a page reads only its own rows
-- instead of sorting every match. One column holding headline, URL words and text in that order, as
-- PostgreSQL's vector does, so that a phrase reads the same on both. Contentless: the text is in versions.
-- V3 (a Java migration) fills it from the rows already stored.
DROP TABLE article_search;
ALTER TABLE articles ADD COLUMN search_key INTEGER;
CREATE UNIQUE INDEX articles_by_search_key ON articles (search_key);
CREATE VIRTUAL TABLE article_search USING fts5 (
  text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0 categories ''L* N* M*'''
);
