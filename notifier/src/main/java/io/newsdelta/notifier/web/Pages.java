package io.newsdelta.notifier.web;

import static io.newsdelta.notifier.web.Html.escape;

import io.newsdelta.events.ArticleChange;
import io.newsdelta.events.ArticleVersion;
import io.newsdelta.diff.Elapsed;
import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.Segment;
import io.newsdelta.notifier.diff.VersionDiff;
import io.newsdelta.notifier.view.ArticleHistory;
import io.newsdelta.notifier.view.ArticleSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the pages as complete HTML documents. Every value that comes from a feed or a page is escaped;
 * the pages carry no scripts.
 */
public final class Pages {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
      h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}
      table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
      del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
      .meta,.url,small{color:#666;font-size:.9rem}.flag{background:#eee;border-radius:3px;padding:0 .3rem;font-size:.8rem}
      p.deleted{border-left:3px solid #c66;padding-left:.5rem}p.inserted{border-left:3px solid #6a6;padding-left:.5rem}
      p.changed{border-left:3px solid #cc6;padding-left:.5rem}details{color:#555}
      """;

  private Pages() {}

  /** The list of tracked articles, most recently changed first. */
  public static String index(List<ArticleSummary> articles) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Tracked articles</h1>\n");
    if (articles.isEmpty()) {
      body.append("<p>No articles yet. Versions appear here as soon as the feeds have been read.</p>\n");
      return document("newsdelta — tracked articles", body);
    }
    body.append("<p class=\"meta\">")
        .append(articles.size())
        .append(articles.size() == 1 ? " article" : " articles")
        .append(", most recently changed first.</p>\n");
    body.append("<table>\n<thead><tr><th>Headline</th><th>Versions</th><th>Last change</th></tr></thead>\n<tbody>\n");
    for (ArticleSummary a : articles) {
      body.append("<tr><td><a href=\"")
          .append(escape(Html.articleHref(a.articleId())))
          .append("\">")
          .append(escape(titleOrUrl(a.title(), a.url())))
          .append("</a><br>")
          .append(Html.externalLink(a.url()))
          .append("</td><td>")
          .append(a.versions())
          .append("</td><td>")
          .append(a.changed() ? time(a.lastChanged()) : "unchanged since " + time(a.firstSeen()))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return document("newsdelta — tracked articles", body);
  }

  /** One article: its versions and, newest first, what changed between each version and the next. */
  public static String article(ArticleHistory history) {
    List<ArticleVersion> versions = history.versions();
    ArticleVersion latest = versions.get(versions.size() - 1);
    StringBuilder body = new StringBuilder();
    body.append("<p><a href=\"/\">← All articles</a></p>\n");
    body.append("<h1>").append(escape(titleOrUrl(latest.title(), latest.url()))).append("</h1>\n");
    body.append("<p>").append(Html.externalLink(latest.url())).append("</p>\n");
    body.append("<p class=\"meta\">")
        .append(versions.size())
        .append(versions.size() == 1 ? " version" : " versions")
        .append(", first seen ")
        .append(time(versions.get(0).observedAt()));
    if (versions.size() > 1) {
      body.append(", last changed ").append(time(latest.observedAt()));
    }
    body.append(".</p>\n");

    body.append("<h2>Versions</h2>\n<table>\n<thead><tr><th>Version</th><th>Observed</th><th>Headline</th></tr></thead>\n<tbody>\n");
    for (ArticleVersion v : versions) {
      body.append("<tr><td><a href=\"#v")
          .append(v.version())
          .append("\">Version ")
          .append(v.version())
          .append("</a></td><td>")
          .append(time(v.observedAt()))
          .append("</td><td>")
          .append(escape(v.title()))
          .append("</td></tr>\n");
    }
    body.append("</tbody>\n</table>\n");

    if (versions.size() == 1) {
      body.append("<p>No change since the article was first seen.</p>\n<h2 id=\"v1\">Version 1</h2>\n");
      for (String p : latest.paragraphs()) {
        body.append("<p>").append(escape(p)).append("</p>\n");
      }
    }
    for (int i = versions.size() - 1; i > 0; i--) {
      change(body, VersionDiff.between(versions.get(i - 1), versions.get(i)), history.changeTo(versions.get(i).version()));
    }
    return document(titleOrUrl(latest.title(), latest.url()) + " — newsdelta", body);
  }

  /** The page for an article id nobody is tracking. */
  public static String notFound(String articleId) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Article not found</h1>\n<p>No versions are known for <code>")
        .append(escape(articleId))
        .append("</code>. It may not have been seen in a feed yet; see <a href=\"/\">the tracked articles</a>.</p>\n");
    return document("Article not found — newsdelta", body);
  }

  /** The page for a path the notifier does not serve. */
  public static String noSuchPage(String path) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Page not found</h1>\n<p>There is no page at <code>")
        .append(escape(path))
        .append("</code>; see <a href=\"/\">the tracked articles</a>.</p>\n");
    return document("Page not found — newsdelta", body);
  }

  private static void change(StringBuilder body, VersionDiff diff, Optional<ArticleChange> change) {
    ArticleVersion from = diff.from();
    ArticleVersion to = diff.to();
    body.append("<h2 id=\"v").append(to.version()).append("\">Version ")
        .append(from.version()).append(" → Version ").append(to.version());
    if (from.observedAt() != null && to.observedAt() != null) {
      body.append(" <small>(")
          .append(Elapsed.later(Duration.between(from.observedAt(), to.observedAt())))
          .append(")</small>");
    }
    body.append("</h2>\n<p class=\"meta\">Observed ").append(time(to.observedAt()));
    change.ifPresent(
        c -> {
          if (c.minor()) {
            body.append(" <span class=\"flag\">minor</span>");
          }
          if (c.revertOf() != null) {
            body.append(" <span class=\"flag\">reverts to version ").append(c.revertOf()).append("</span>");
          }
          if (c.summary() != null && !c.summary().isBlank()) {
            body.append("<br>").append(escape(c.summary()));
          }
        });
    body.append("</p>\n");
    if (diff.headlineChanged()) {
      body.append("<p class=\"headline\"><strong>Headline:</strong> ").append(inline(diff.headline())).append("</p>\n");
    }
    if (diff.standfirstChanged()) {
      body.append("<p class=\"standfirst\"><strong>Standfirst:</strong> ").append(inline(diff.standfirst())).append("</p>\n");
    }
    if (!diff.headlineChanged() && !diff.standfirstChanged() && diff.changedParagraphs() == 0) {
      body.append("<p>The text is the same; only spacing or markup differs.</p>\n");
      return;
    }
    List<ParagraphDiff> unchanged = new ArrayList<>();
    for (ParagraphDiff p : diff.paragraphs()) {
      if (p.kind() == ParagraphDiff.Kind.UNCHANGED) {
        unchanged.add(p);
        continue;
      }
      collapsed(body, unchanged);
      String css = p.kind().name().toLowerCase(java.util.Locale.ROOT);
      body.append("<p class=\"").append(css).append("\">").append(inline(p.segments())).append("</p>\n");
    }
    collapsed(body, unchanged);
  }

  /** Unchanged paragraphs, folded away so that the edits stand out. */
  private static void collapsed(StringBuilder body, List<ParagraphDiff> unchanged) {
    if (unchanged.isEmpty()) {
      return;
    }
    body.append("<details><summary>")
        .append(unchanged.size())
        .append(unchanged.size() == 1 ? " unchanged paragraph" : " unchanged paragraphs")
        .append("</summary>\n");
    for (ParagraphDiff p : unchanged) {
      body.append("<p>").append(escape(p.plainText())).append("</p>\n");
    }
    body.append("</details>\n");
    unchanged.clear();
  }

  /** Words with deletions struck through ({@code <del>}) and insertions marked ({@code <ins>}). */
  static String inline(List<Segment> segments) {
    StringBuilder out = new StringBuilder();
    for (Segment s : segments) {
      if (out.length() > 0) {
        out.append(' ');
      }
      switch (s.kind()) {
        case EQUAL -> out.append(escape(s.text()));
        case DELETED -> out.append("<del>").append(escape(s.text())).append("</del>");
        case INSERTED -> out.append("<ins>").append(escape(s.text())).append("</ins>");
      }
    }
    return out.toString();
  }

  private static String time(Instant at) {
    if (at == null) {
      return "at an unknown time";
    }
    return "<time datetime=\"" + escape(at.toString()) + "\">" + SHOWN.format(at) + "</time>";
  }

  private static String titleOrUrl(String title, String url) {
    return title == null || title.isBlank() ? url : title;
  }

  private static String document(String title, CharSequence body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + body
        + "<footer class=\"meta\"><p>newsdelta keeps every version of every article it sees.</p></footer>\n</body>\n</html>\n";
  }
}
