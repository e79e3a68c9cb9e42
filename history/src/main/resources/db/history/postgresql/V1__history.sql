-- The history store (PostgreSQL). Times are epoch milliseconds (UTC); paragraphs a JSON array of strings.
CREATE TABLE feeds (
  feed_url TEXT PRIMARY KEY,
  name     TEXT
);

-- One row per article: the newest headline and counts, kept in step with its versions; search is the
-- full-text vector of the newest headline, URL words and text.
CREATE TABLE articles (
  article_id     TEXT PRIMARY KEY,
  url            TEXT NOT NULL,
  feed_url       TEXT,
  title          TEXT,
  first_seen     BIGINT,
  last_changed   BIGINT,
  versions       INTEGER NOT NULL DEFAULT 0,
  latest_version INTEGER NOT NULL DEFAULT 0,
  search         TSVECTOR
);
CREATE INDEX articles_by_last_changed ON articles (last_changed DESC);
CREATE INDEX articles_by_feed ON articles (feed_url, last_changed DESC);
CREATE INDEX articles_search ON articles USING GIN (search);

CREATE TABLE versions (
  article_id  TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  url         TEXT,
  observed_at BIGINT,
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
  from_observed_at BIGINT,
  to_observed_at   BIGINT,
  headline_changed BOOLEAN NOT NULL,
  minor            BOOLEAN NOT NULL,
  revert_of        INTEGER,
  words_added      INTEGER NOT NULL,
  words_removed    INTEGER NOT NULL,
  summary          TEXT,
  hunks            TEXT    NOT NULL
);
CREATE INDEX changes_by_time ON changes (to_observed_at DESC);
CREATE INDEX changes_by_article ON changes (article_id, to_version);
