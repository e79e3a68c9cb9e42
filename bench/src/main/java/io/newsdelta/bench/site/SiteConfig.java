package io.newsdelta.bench.site;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of the simulated site.
 *
 * @param seed        everything on the site is generated from it
 * @param feeds       how many RSS feeds; article {@code a} is listed in feed {@code a % feeds}
 * @param articles    how many articles in all
 * @param hosts       how many host names (127.0.0.1 … 127.0.0.hosts), 1 to 254
 * @param boilerplate when the boilerplate re-renders
 * @param latency     added before every response (0: none)
 * @param threads     the server's worker threads
 */
public record SiteConfig(long seed, int feeds, int articles, int hosts, Boilerplate boilerplate,
    Duration latency, int threads) {

  public SiteConfig {
    Objects.requireNonNull(boilerplate, "boilerplate");
    Objects.requireNonNull(latency, "latency");
    if (feeds < 1 || articles < feeds || hosts < 1 || hosts > 254 || threads < 1 || latency.isNegative()) {
      throw new IllegalArgumentException("need feeds >= 1, articles >= feeds, hosts in 1..254, threads >= 1, "
          + "latency >= 0; got feeds=" + feeds + " articles=" + articles + " hosts=" + hosts + " threads="
          + threads + " latency=" + latency);
    }
  }
}
