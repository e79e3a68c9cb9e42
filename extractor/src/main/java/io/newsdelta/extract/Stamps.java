package io.newsdelta.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises short paragraphs that are page furniture rather than story: dates and "last updated"
 * stamps (which change on every render and would trigger false versions), buttons such as "Share" or
 * "Drucken", ad labels, comment counts and "read more" prompts. Only short paragraphs are tested, so
 * a sentence that merely mentions a date is kept.
 */
final class Stamps {

  private static final int MAX_LENGTH = 100;
  private static final String MONTH = "(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]"
      + "|janvier|f[ée]vrier|mars|avril|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre"
      + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)"
      + "[a-zäéû]*\\.?";
  private static final Pattern DATE = Pattern.compile(
      "\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}"
          + "|\\d{1,2}\\.?\\s+(?:de\\s+)?" + MONTH + "(?:\\s+(?:de\\s+)?\\d{4})?"
          + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
          + "|\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\\s+ago"
          + "|vor\\s+\\d+\\s+(?:sekunden|minuten|stunden|tagen|wochen)"
          + "|\\b\\d{1,2}:\\d{2}\\b");
  private static final Pattern STAMP_WORDS = Pattern.compile(
      "\\b(?:zuletzt|last|first|aktualisiert|geändert|veröffentlicht|erstellt|publiziert|stand"
          + "|datum|updated|update|published|posted|modified|erschienen|am|um|on|at|von|by|uhr"
          + "|mo|di|mi|do|fr|sa|so|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
          + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mez|mesz|cet|utc|gmt)\\b");
  private static final Pattern FURNITURE = Pattern.compile(
      "(?:advertisement|anzeige|werbung|publicité|publicidad|sponsored|share|teilen|tweet|drucken"
          + "|print|e-?mail|mail|facebook|twitter|whatsapp|pinterest|linkedin|xing|reddit"
          + "|kommentare?|comments?|\\d+ (?:comments?|kommentare?|antworten|replies)|kommentieren"
          + "|kommentare? schreiben|(?:rezept|artikel|seite) drucken|bild anzeigen"
          + "|(?:keine |no )?(?:kommentare|comments)(?: yet)?|mehr zum thema|lesen sie auch|lesen sie mehr"
          + "|read more|weiterlesen|mehr lesen|mehr|more|nach oben|zurück|back|back to top|top|schließen"
          + "|close|menü|menu|suche|search|home|startseite|login|anmelden|abonnieren|subscribe"
          + "|newsletter|feedback|link kopieren|copy link|artikel teilen|share this|zum artikel"
          + "|zur startseite|bild vergrößern|foto|video|audio|galerie|gallery|loading\\.*"
          + "|kontakt|contact|weitere informationen|more information|permalink|permalien|news"
          + "|aktuelles|themen|topics|tags|schlagworte|schlagwörter|quelle|source)"
          + "[\\s:.!]*");

  private static final Pattern CAPTION = Pattern.compile(
      "(?:fotos?|bild(?:er)?|photos?|quelle|abbildung|grafik|images?|credits?|crédits?(?: photos?)?|bildquelle"
          + "|fotoquelle|titelbild|symbolbild|themen|tags|schlagworte)\\s*:");

  /** Openings of prompts that lead away from the story: related links, sign-ups, ratings. */
  private static final Pattern PROMPT = Pattern.compile(
      "(?:(?:das|dies(?:es|er)?)(?: thema)? könnte (?:sie|dich|euch) (?:auch )?interessieren"
          + "|(?:möchten|willst|möchtest) (?:sie|du) (?:den|diesen) (?:artikel|beitrag) teilen"
          + "|noch mehr (?:infos|informationen|artikel|themen|beiträge)"
          + "|diese (?:beiträge|artikel) solltest du nicht verpassen"
          + "|sie müssen sich (?:einloggen|anmelden)|(?:you must|you need to) (?:be logged in|log in|sign in)|(?:lesen|sehen|hören) sie (?:auch|mehr)"
          + "|zum weiterlesen|weiterlesen|schon gelesen|mehr zum thema|mehr zu |mehr themen"
          + "|weitere (?:beiträge|artikel|themen|infos|informationen|tourentipps|nachrichten)"
          + "|neueste (?:artikel|beiträge)|ähnliche (?:artikel|beiträge)|auch interessant"
          + "|lust auf mehr|über den autor|über die autorin|inhaltsverzeichnis|wie bewerten sie"
          + "|war (?:der|dieser) artikel|sie sind (?:aktuell )?nicht eingeloggt|gefällt (?:dir|ihnen)"
          + "|wird geladen|externer inhalt|quellen ausblenden|quellenangaben|alle angaben ohne gewähr"
          + "|anzeige|\\*?werbung|kategorie|category|this entry was posted|if you enjoyed"
          + "|you (?:might|may) also like|related (?:articles|posts|stories)|read (?:more|also|next)"
          + "|more from|recommended|subscribe|sign up|follow (?:us|the)|share this|tags?:"
          + "|síguenos|siguenos|lee también|te puede interesar|noticias relacionadas|temas relacionados"
          + "|à lire aussi|lire aussi|sur le même sujet|vorschau auf|zurück zur übersicht"
          + "|jetzt (?:abonnieren|anmelden|teilen|bewerten)|(?:noch )?keine bewertungen"
          + "|\\(noch keine bewertungen\\)|beitragsbild|release date:|telefon:|e-mail:|fax:)");
  /** Agency and photographer credits left over from images. */
  private static final Pattern CREDIT = Pattern.compile(
      "getty images|\\bafp\\b|\\bdpa\\b|reuters|imago|shutterstock|istock|picture alliance"
          + "|picture-alliance|keystone|\\bap photo|\\bepa\\b|adobe stock|unsplash|pixabay");

  private Stamps() {}

  /** True if {@code text} (already normalised) is furniture rather than story. */
  static boolean isBoilerplate(String text) {
    if (text.length() > MAX_LENGTH) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (FURNITURE.matcher(lower).matches()) {
      return true;
    }
    if (PROMPT.matcher(lower).lookingAt()) {
      return true;
    }
    if (lower.length() < 60 && CREDIT.matcher(lower).find()) {
      return true;
    }
    if (CAPTION.matcher(lower).lookingAt()) {
      return true;
    }
    if (lower.startsWith("©") || lower.startsWith("(c) ") || lower.startsWith("copyright")) {
      return true;
    }
    return isDateStamp(lower);
  }

  private static boolean isDateStamp(String lower) {
    // Every form of DATE has an ASCII digit (\d without UNICODE_CHARACTER_CLASS): most paragraphs have none.
    if (!hasDigit(lower) || !DATE.matcher(lower).find()) {
      return false;
    }
    // What is left after removing dates and stamp words must be short: "31. Mai 2012 | 14:30 Uhr",
    // "Aktualisiert am 3.4.2023 von Max Muster"; a sentence that mentions a date has more words.
    String rest = DATE.matcher(lower).replaceAll(" ");
    rest = STAMP_WORDS.matcher(rest).replaceAll(" ").replaceAll("[^\\p{L}]+", " ").trim();
    return rest.isEmpty() || rest.split(" ").length <= 3;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

}
