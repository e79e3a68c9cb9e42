-- V2: the article list reads only its page's rows, never counts a feed's articles (issue 9's 50 ms goal at
-- 100,000 articles). In step with the SQLite V2; PostgreSQL's search already reads its GIN index, and V3 (Java)
-- re-indexes the stored rows' text as the writer now folds it.

-- How many articles each feed has, kept by a trigger on articles: every page shows the sources, and counting a
-- large feed's rows (even from an index) took longer than the whole page may.
CREATE TABLE feed_counts (
  feed_url TEXT PRIMARY KEY,
  articles INTEGER NOT NULL
);
INSERT INTO feed_counts (feed_url, articles)
SELECT feed_url, count(*) FROM articles WHERE feed_url IS NOT NULL GROUP BY feed_url;

CREATE FUNCTION count_feed_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.feed_url IS NOT NULL THEN
    IF TG_OP = 'DELETE' OR NEW.feed_url IS DISTINCT FROM OLD.feed_url THEN
      UPDATE feed_counts SET articles = articles - 1 WHERE feed_url = OLD.feed_url;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.feed_url IS NOT NULL THEN
    IF TG_OP = 'INSERT' OR NEW.feed_url IS DISTINCT FROM OLD.feed_url THEN
      INSERT INTO feed_counts (feed_url, articles) VALUES (NEW.feed_url, 1)
      ON CONFLICT (feed_url) DO UPDATE SET articles = feed_counts.articles + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER articles_counted AFTER INSERT OR DELETE OR UPDATE OF feed_url ON articles
FOR EACH ROW EXECUTE FUNCTION count_feed_articles();
