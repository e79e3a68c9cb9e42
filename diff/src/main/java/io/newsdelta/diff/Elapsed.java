package io.newsdelta.diff;

import java.time.Duration;

/** Time between two versions (shared by the change summaries and the pages) in words a reader takes in at a glance: "40 minutes later", "2 days 3 hours later". */
public final class Elapsed {

  private Elapsed() {}

  /** How much later the second of two moments is, coarsened to the two largest units. */
  public static String later(Duration gap) {
    if (gap.isNegative()) {
      return amount(gap.negated()) + " earlier";
    }
    if (gap.compareTo(Duration.ofMinutes(1)) < 0) {
      return "less than a minute later";
    }
    return amount(gap) + " later";
  }

  private static String amount(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return hours > 0 ? unit(days, "day") + " " + unit(hours, "hour") : unit(days, "day");
    }
    if (hours > 0) {
      return minutes > 0 ? unit(hours, "hour") + " " + unit(minutes, "minute") : unit(hours, "hour");
    }
    if (minutes > 0) {
      return unit(minutes, "minute");
    }
    return unit(d.toSecondsPart(), "second");
  }

  private static String unit(long n, String name) {
    return n + " " + name + (n == 1 ? "" : "s");
  }
}
