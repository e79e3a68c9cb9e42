package io.newsdelta.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Trims what templates put after the last paragraph of a story, inside its own container: the
 * publisher's notes (follow us, get the app, subscribe, copyright and reprint terms, a letters form)
 * and a heading such as "Teilnehmende Blogs:" left last once its list was dropped as links. Nothing in
 * the markup tells them from the story, but their wording and place do; a promotional note changes
 * with every campaign and would announce a version that no reader sees as news.
 */
final class Edges {

  /** A note is short; a paragraph of story that merely mentions a subscription is longer. */
  private static final int MAX_NOTE = 300;
  /** How many notes may follow the story. */
  private static final int MAX_NOTES = 4;
  private static final int MAX_LABEL = 30;
  private static final Pattern NOTE = Pattern.compile(
      "\\b(?:follow (?:us|the|our|\\p{Lu}\\S*)|síguenos|siguenos|suivez-nous|folgen sie uns|folge uns"
          + "|seguici)\\b.*\\b(?:twitter|facebook|instagram|telegram|youtube|tiktok|whatsapp|linkedin"
          + "|google news)\\b"
          + "|\\b(?:canal|channel|kanal) de (?:telegram|youtube|whatsapp)|(?:telegram|youtube|whatsapp)"
          + "[- ](?:channel|kanal)|nuestro canal"
          + "|\\bdownload (?:the|our) .{0,40}\\bapps?\\b|\\bapps? for ios and android"
          + "|\\bsubscribe\\b|\\bsubscribers?\\b|\\bsign up\\b|\\bsigning up\\b|newsletter"
          + "|\\bjetzt abonnieren|\\babonnieren sie|\\babonnez-vous|\\bsuscr[ií]bete|hazte (?:miembro|socio)"
          + "|\\bcopyright(?:ed)?\\b|all rights reserved|derechos reservados|alle rechte vorbehalten"
          + "|tous droits réservés|written permission|\\breprint\\b"
          + "|letters? to the editor|submit your letter|leserbrief"
          + "|not responsible for the (?:opinions|content)"
          + "|^(?:category|categories|kategorie|tags?|schlagworte|filed under|etiquetas|temas)\\s?:",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Edges() {}

  /** {@code paragraphs} without the notes and orphan headings after the story. */
  static List<String> trim(List<String> paragraphs) {
    int end = paragraphs.size();
    int notes = 0;
    while (end > 1 && notes < MAX_NOTES
        && (isNote(paragraphs.get(end - 1)) || isOrphanHeading(paragraphs.get(end - 1)))) {
      end--;
      notes++;
    }
    return end == paragraphs.size() ? paragraphs : List.copyOf(paragraphs.subList(0, end));
  }

  /** A short heading that announces what follows, with nothing after it ("Teilnehmende Blogs:"). */
  static boolean isOrphanHeading(String paragraph) {
    return paragraph.length() <= MAX_LABEL && paragraph.endsWith(":");
  }

  static boolean isNote(String paragraph) {
    return paragraph.length() <= MAX_NOTE && NOTE.matcher(paragraph).find();
  }
}
