package io.newsdelta.diffworker.version;

import io.newsdelta.diff.BodyDiff;
import io.newsdelta.diff.ParagraphDiff;
import io.newsdelta.diff.Segment;
import io.newsdelta.diff.WordDiff;
import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Tells what kind of trivial edit a change is, so subscriptions can filter it without it being hidden:
 * {@value #WHITESPACE}, {@value #PUNCTUATION}, {@value #DATE}, {@value #TYPO}, or {@value #FEW_WORDS} (the
 * earlier rule: at most {@value Versioner#MINOR_WORDS} words, same headline, but not a typo).
 */
final class MinorEdits {
  static final String WHITESPACE = "whitespace";
  static final String PUNCTUATION = "punctuation";
  static final String DATE = "date";
  static final String TYPO = "typo";
  static final String FEW_WORDS = "few-words";

  /** A word changed by at most this many letters is a typo fix. */
  private static final int TYPO_DISTANCE = 2;
  /** A paragraph of at most this many words, at least half of them date or time words, is a date line. */
  private static final int DATE_LINE_WORDS = 16;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(TYPO_DISTANCE + 1);
  /** A changed number is a fact, never a typo. */
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]+");
  private static final Pattern DATE_TOKEN =
      Pattern.compile(
          "(?iu)\\(?("
              + "\\d{1,2}[:.h]\\d{2}([:.]\\d{2})?(am|pm|h)?"
              + "|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}"
              + "|(19|20)\\d{2}"
              + "|\\d{1,2}(st|nd|rd|th|e|er|\\.|º|ª)?"
              + "|am|pm|a\\.m\\.|p\\.m\\.|gmt|bst|utc|cet|cest|est|edt|pst|pdt|uhr"
              + "|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept"
              + "|september|oct|october|nov|november|dec|december"
              + "|januar|februar|märz|mai|juni|juli|oktober|dezember"
              + "|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
              + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
              + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
              + "|januari|februari|maart|mei|augustus"
              + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro"
              + "|mon|monday|tue|tuesday|wed|wednesday|thu|thursday|fri|friday|sat|saturday|sun|sunday"
              + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
              + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
              + "|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
              + "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
              + "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
              + "|segunda|terça|quarta|quinta|sexta"
              + ")[,.;)]?");
  /** A date line names a month, a weekday, a clock time or a full date, not only a number. */
  private static final Pattern STRONG_DATE =
      Pattern.compile("(?iu).*(\\d{1,2}[:.h]\\d{2}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|[^\\d\\W]{3,}).*");

  private MinorEdits() {}

  /** The kind of trivial edit from {@code from} to {@code to}, or null when the change is not minor. */
  static String kindOf(ArticleVersion from, ArticleVersion to, BodyDiff diff, boolean headlineChanged) {
    List<String> oldWords = words(from);
    List<String> newWords = words(to);
    if (oldWords.equals(newWords)) {
      return WHITESPACE;
    }
    if (strip(oldWords).equals(strip(newWords))) {
      return PUNCTUATION;
    }
    if (headlineChanged
        || !WordDiff.words(from.standfirst()).equals(WordDiff.words(to.standfirst()))
        || !WordDiff.words(from.byline()).equals(WordDiff.words(to.byline()))) {
      return null;
    }
    if (onlyDateLines(diff)) {
      return DATE;
    }
    int words = diff.stats().wordsAdded() + diff.stats().wordsRemoved();
    if (words > Versioner.MINOR_WORDS * 2) {
      return null;
    }
    if (typos(diff)) {
      return TYPO;
    }
    return words <= Versioner.MINOR_WORDS ? FEW_WORDS : null;
  }

  private static List<String> words(ArticleVersion v) {
    List<String> words = new ArrayList<>(WordDiff.words(v.title()));
    words.add("\u0000");
    words.addAll(WordDiff.words(v.standfirst()));
    words.add("\u0000");
    words.addAll(WordDiff.words(v.byline()));
    words.add("\u0000");
    v.paragraphs().forEach(p -> words.addAll(WordDiff.words(p)));
    return words;
  }

  private static List<String> strip(List<String> words) {
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      String s = PUNCT.matcher(w).replaceAll("");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** Every paragraph that changed, came or went is a date line, and an edited one differs only in its date. */
  private static boolean onlyDateLines(BodyDiff diff) {
    boolean any = false;
    for (ParagraphDiff p : diff.paragraphs()) {
      switch (p.kind()) {
        case UNCHANGED -> { }
        case INSERTED, DELETED -> {
          if (!dateLine(p.plainText())) {
            return false;
          }
          any = true;
        }
        case CHANGED -> {
          String oldText = side(p, Segment.Kind.DELETED);
          String newText = side(p, Segment.Kind.INSERTED);
          if (!dateLine(oldText) || !dateLine(newText) || !masked(oldText).equals(masked(newText))) {
            return false;
          }
          any = true;
        }
      }
    }
    return any;
  }

  private static boolean dateLine(String text) {
    List<String> words = WordDiff.words(text);
    if (words.isEmpty() || words.size() > DATE_LINE_WORDS) {
      return false;
    }
    long dates = words.stream().filter(w -> DATE_TOKEN.matcher(w).matches()).count();
    // Mostly date words: "Updated 10:42 GMT, 27 April", not "The vote is on Tuesday" (a fact, not a stamp).
    return dates * 2 >= words.size()
        && words.stream().anyMatch(w -> DATE_TOKEN.matcher(w).matches() && STRONG_DATE.matcher(w).matches());
  }

  private static List<String> masked(String text) {
    List<String> out = new ArrayList<>();
    for (String w : WordDiff.words(text)) {
      out.add(DATE_TOKEN.matcher(w).matches() ? "#" : w.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The words of an edited paragraph as they read on one side ({@code DELETED}: old, {@code INSERTED}: new). */
  private static String side(ParagraphDiff p, Segment.Kind side) {
    StringBuilder text = new StringBuilder();
    for (Segment s : p.segments()) {
      if (s.kind() == Segment.Kind.EQUAL || s.kind() == side) {
        text.append(text.length() > 0 ? " " : "").append(s.text());
      }
    }
    return text.toString();
  }

  /** Every edit replaces words one for one, each with a word at most {@value #TYPO_DISTANCE} letters away. */
  private static boolean typos(BodyDiff diff) {
    boolean any = false;
    for (ParagraphDiff p : diff.paragraphs()) {
      if (p.kind() == ParagraphDiff.Kind.UNCHANGED) {
        continue;
      }
      if (p.kind() != ParagraphDiff.Kind.CHANGED) {
        return false;
      }
      List<Segment> exact = WordDiff.between(side(p, Segment.Kind.DELETED), side(p, Segment.Kind.INSERTED));
      for (int i = 0; i < exact.size(); i++) {
        Segment s = exact.get(i);
        if (s.kind() == Segment.Kind.EQUAL) {
          continue;
        }
        if (s.kind() != Segment.Kind.DELETED || i + 1 >= exact.size()
            || exact.get(i + 1).kind() != Segment.Kind.INSERTED) {
          return false;
        }
        List<String> gone = WordDiff.words(s.text());
        List<String> came = WordDiff.words(exact.get(++i).text());
        if (gone.size() != came.size()) {
          return false;
        }
        for (int w = 0; w < gone.size(); w++) {
          int d = DISTANCE.apply(gone.get(w).toLowerCase(Locale.ROOT), came.get(w).toLowerCase(Locale.ROOT));
          boolean number = DIGIT.matcher(gone.get(w) + came.get(w)).find();
          if (d < 0 || d > TYPO_DISTANCE || number || d >= Math.max(gone.get(w).length(), came.get(w).length())) {
            return false;
          }
        }
        any = true;
      }
    }
    return any;
  }
}
