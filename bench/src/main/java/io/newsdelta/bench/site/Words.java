package io.newsdelta.bench.site;

import java.util.SplittableRandom;

/** Deterministic news-like prose: sentences drawn from a fixed vocabulary by a seeded generator. */
final class Words {
  private static final String[] NOUNS = ("government minister council report budget plan police court "
      + "hospital school company market election vote party leader official investigation inquiry "
      + "city region country border agreement deal talks strike union worker price energy fuel "
      + "water health service patient doctor teacher student family resident community village "
      + "airport railway station bridge road storm flood fire drought harvest farmer factory bank "
      + "economy inflation interest rate tax reform law bill parliament senate committee judge "
      + "witness victim suspect prosecutor spokesperson agency regulator watchdog charity festival "
      + "museum stadium club player coach season match final tournament record study scientist "
      + "university research data survey poll figure statement decision proposal protest crowd")
      .split(" ");
  private static final String[] VERBS = ("said announced confirmed denied warned claimed reported "
      + "revealed approved rejected delayed launched closed opened criticised welcomed defended "
      + "questioned promised expected estimated described urged demanded proposed suspended "
      + "extended reviewed published signed blocked backed challenged").split(" ");
  private static final String[] ADJECTIVES = ("new local national former senior independent public "
      + "private major small large recent annual early late final official early regional rural "
      + "urban coastal northern southern eastern western key fresh strong weak rising falling")
      .split(" ");
  private static final String[] LINKS = ("after before while because although as since during "
      + "despite amid following").split(" ");
  private static final String[] NAMES = ("Ana Ben Chloe David Elena Farid Grace Hugo Imani Jonas Keira "
      + "Liam Maya Noor Oscar Priya Rafael Sofia Tomas Uma Viktor Wen Yara Zane").split(" ");
  private static final String[] SURNAMES = ("Adams Baker Costa Dubois Evans Fischer Garcia Haddad Ito "
      + "Jensen Khan Lopez Moreau Novak Okafor Patel Quinn Rossi Silva Tanaka Ulrich Varga Walsh Young")
      .split(" ");

  private Words() {}

  static String headline(SplittableRandom r) {
    String s = capital(pick(r, ADJECTIVES)) + " " + pick(r, NOUNS) + " " + pick(r, VERBS) + " "
        + pick(r, NOUNS) + " " + pick(r, LINKS) + " " + pick(r, ADJECTIVES) + " " + pick(r, NOUNS);
    return r.nextInt(3) == 0 ? s + " in " + pick(r, NAMES) + "ville" : s;
  }

  static String paragraph(SplittableRandom r) {
    StringBuilder b = new StringBuilder(400);
    int sentences = 2 + r.nextInt(3);
    for (int i = 0; i < sentences; i++) {
      if (i > 0) {
        b.append(' ');
      }
      sentence(r, b);
    }
    return b.toString();
  }

  static String person(SplittableRandom r) {
    return pick(r, NAMES) + " " + pick(r, SURNAMES);
  }

  private static void sentence(SplittableRandom r, StringBuilder b) {
    switch (r.nextInt(4)) {
      case 0 -> b.append("The ").append(pick(r, ADJECTIVES)).append(' ').append(pick(r, NOUNS))
          .append(' ').append(pick(r, VERBS)).append(" the ").append(pick(r, NOUNS)).append(' ')
          .append(pick(r, LINKS)).append(" the ").append(pick(r, NOUNS)).append(" of the ")
          .append(pick(r, ADJECTIVES)).append(' ').append(pick(r, NOUNS)).append('.');
      case 1 -> b.append(person(r)).append(", a ").append(pick(r, ADJECTIVES)).append(' ')
          .append(pick(r, NOUNS)).append(" official, ").append(pick(r, VERBS)).append(" that the ")
          .append(pick(r, NOUNS)).append(" would be ").append(pick(r, VERBS)).append(" by ")
          .append(1 + r.nextInt(28)).append(' ').append(pick(r, NOUNS)).append("s.");
      case 2 -> b.append(capital(pick(r, LINKS))).append(" the ").append(pick(r, NOUNS))
          .append(", ").append(r.nextInt(90) + 10).append(" per cent of ").append(pick(r, NOUNS))
          .append("s ").append(pick(r, VERBS)).append(" the ").append(pick(r, ADJECTIVES))
          .append(' ').append(pick(r, NOUNS)).append('.');
      default -> b.append("It is the ").append(pick(r, ADJECTIVES)).append(' ').append(pick(r, NOUNS))
          .append(" to be ").append(pick(r, VERBS)).append(" this year, and the ")
          .append(pick(r, NOUNS)).append(' ').append(pick(r, VERBS)).append(" it ")
          .append(pick(r, LINKS)).append(" a ").append(pick(r, NOUNS)).append('.');
    }
  }

  static String pick(SplittableRandom r, String[] words) {
    return words[r.nextInt(words.length)];
  }

  static String identifier(SplittableRandom r) {
    StringBuilder b = new StringBuilder(6);
    b.append((char) ('a' + r.nextInt(26)));
    for (int i = 0; i < 2 + r.nextInt(4); i++) {
      b.append(Character.forDigit(r.nextInt(36), 36));
    }
    return b.toString();
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
