-- The history store (SQLite). Times are epoch milliseconds (UTC); paragraphs a JSON array of strings.
CREATE TABLE feeds (
  feed_url TEXT PRIMARY KEY,
  name     TEXT
);

-- One row per article: the newest headline and counts, kept in step with its versions.
CREATE TABLE articles (
  article_id     TEXT PRIMARY KEY,
  url            TEXT NOT NULL,
  feed_url       TEXT,
  title          TEXT,
  first_seen     INTEGER,
  last_changed   INTEGER,
  versions       INTEGER NOT NULL DEFAULT 0,
  latest_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_by_last_changed ON articles (last_changed DESC);
CREATE INDEX articles_by_feed ON articles (feed_url, last_changed DESC);

CREATE TABLE versions (
  article_id  TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  url         TEXT,
  observed_at INTEGER,
  title       TEXT,
  byline      TEXT,
  standfirst  TEXT,
  paragraphs  TEXT    NOT NULL,
  text_sha256 TEXT,
  PRIMARY KEY (article_id, version)
);

CREATE TABLE changes (
  change_id        TEXT PRIMARY KEY,
  article_id       TEXT    NOT NULL,
  url              TEXT,
  title            TEXT,
  previous_title   TEXT,
  from_version     INTEGER NOT NULL,
  to_version       INTEGER NOT NULL,
  from_observed_at INTEGER,
  to_observed_at   INTEGER,
  headline_changed INTEGER NOT NULL,
  minor            INTEGER NOT NULL,
  revert_of        INTEGER,
  words_added      INTEGER NOT NULL,
  words_removed    INTEGER NOT NULL,
  summary          TEXT,
  hunks            TEXT    NOT NULL
);
CREATE INDEX changes_by_time ON changes (to_observed_at DESC);
CREATE INDEX changes_by_article ON changes (article_id, to_version);

-- Full-text search over each article's newest headline, URL words and text; rowid = articles.rowid.
CREATE VIRTUAL TABLE article_search USING fts5 (title, url, body, tokenize = 'unicode61 remove_diacritics 2');
