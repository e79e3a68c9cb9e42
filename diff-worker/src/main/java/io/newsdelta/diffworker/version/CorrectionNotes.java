package io.newsdelta.diffworker.version;

import io.newsdelta.events.ArticleVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds correction and update notes added to an article ("Correction:", "An earlier version of this article…",
 * "This article was amended…") in English, German, French, Spanish, Italian, Dutch and Portuguese.
 */
final class CorrectionNotes {
  private static final String ARTICLE = "(article|story|report|piece|post)";
  /** A note starts with one of these labels. */
  private static final Pattern LABEL =
      Pattern.compile(
          "(?iu)^\\W{0,3}("
              + "corrections?|clarifications?|editor'?s'? note|update|updated|amendment|erratum|errata"
              + "|korrektur|berichtigung|richtigstellung|korrekturhinweis|klarstellung|anmerkung der redaktion"
              + "|hinweis der redaktion|rectificatif|précision|note de la rédaction|mise à jour"
              + "|corrección|fe de errores|aclaración|nota de la redacción|rectificación"
              + "|correzione|rettifica|precisazione|nota della redazione"
              + "|correctie|rectificatie|verduidelijking|noot van de redactie|naschrift"
              + "|correção|correcção|esclarecimento|nota da redação|nota da redacção|retificação|rectificação"
              + ")\\s*[:–—-]");
  /** Or it says so in a sentence. */
  private static final Pattern SENTENCE =
      Pattern.compile(
          "(?iu)("
              + "\\b(an|the) (earlier|previous|original) version of this " + ARTICLE
              + "|\\bthis " + ARTICLE + " (was|has been|had been) (amended|corrected|updated|changed|edited|revised)"
              + "|\\bwe (have )?(amended|corrected|updated) this " + ARTICLE
              + "|\\b(in )?einer (früheren|vorherigen|älteren) (version|fassung) dieses (artikels|textes|beitrags)"
              + "|\\bdieser (artikel|text|beitrag) wurde (.{0,40})?(korrigiert|aktualisiert|geändert|ergänzt)"
              + "|\\bune (précédente|ancienne) version de cet article"
              + "|\\bcet article a été (modifié|corrigé|mis à jour|actualisé|rectifié)"
              + "|\\buna versión anterior de (este|esta) (artículo|nota|información)"
              + "|\\b(este|esta) (artículo|nota|información) (fue|ha sido) (corregid[oa]|actualizad[oa]|modificad[oa])"
              + "|\\buna (precedente|versione precedente) (versione )?di questo articolo"
              + "|\\bquesto articolo è stato (corretto|aggiornato|modificato|rettificato)"
              + "|\\been eerdere versie van dit (artikel|bericht|stuk)"
              + "|\\bdit (artikel|bericht|stuk) is (aangepast|gecorrigeerd|bijgewerkt|gewijzigd)"
              + "|\\buma versão anterior (deste|desta) (artigo|reportagem|notícia|texto)"
              + "|\\b(este|esta) (artigo|reportagem|notícia|texto) foi (corrigid[oa]|atualizad[oa]|actualizad[oa]|alterad[oa])"
              + ")");

  private CorrectionNotes() {}

  /** The notes in {@code to} (body paragraphs and standfirst) that {@code from} did not have, in reading order. */
  static List<String> added(ArticleVersion from, ArticleVersion to) {
    Set<String> before = new HashSet<>(from.paragraphs());
    if (from.standfirst() != null) {
      before.add(from.standfirst());
    }
    List<String> candidates = new ArrayList<>();
    if (to.standfirst() != null) {
      candidates.add(to.standfirst());
    }
    candidates.addAll(to.paragraphs());
    List<String> notes = new ArrayList<>();
    for (String p : candidates) {
      if (!before.contains(p) && isNote(p)) {
        notes.add(p);
      }
    }
    return notes;
  }

  static boolean isNote(String paragraph) {
    return LABEL.matcher(paragraph).find() || SENTENCE.matcher(paragraph).find();
  }
}
