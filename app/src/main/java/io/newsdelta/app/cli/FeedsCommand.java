package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.ConfigException;
import io.newsdelta.config.FeedConfig;
import io.newsdelta.config.IngestConfig;
import io.newsdelta.config.NewsdeltaConfig;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.events.Json;
import io.newsdelta.ingest.discover.Advertised;
import io.newsdelta.ingest.discover.SiteDiscoverer;
import io.newsdelta.ingest.discover.SiteDiscoverer.Discovery;
import io.newsdelta.ingest.fetch.FetchException;
import io.newsdelta.ingest.fetch.HttpFetcher;
import io.newsdelta.ingest.registry.RegistryClient;
import io.newsdelta.net.AddressPolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feeds discover|add|list|remove|import|export}: what a site advertises, and the feed registry {@code newsdelta.feeds}
 * that every ingest instance follows (a feed added here is polled within moments, a removed one stops).
 */
@Command(name = "feeds", description = "Discover a site's feeds and sitemaps; add, list, remove, import or export the feeds ingest polls.",
    subcommands = {FeedsCommand.Discover.class, FeedsCommand.Add.class, FeedsList.class, FeedsCommand.Remove.class,
        FeedsImport.class, FeedsExport.class})
public final class FeedsCommand implements Runnable {
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The config when the file exists, else the defaults (discover needs only ingest's fetch settings). */
  /** An absolute http(s) URL, or null. */
  static URI httpUrl(String raw) {
    try {
      URI uri = new URI(raw.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** {@code feeds discover URL}: one JSON object per advertised feed or sitemap. */
  @Command(name = "discover", description = "List the feeds (<link rel=alternate>) and sitemaps (robots.txt) a site "
      + "advertises, one JSON object per line, for feeds add.")
  static final class Discover implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Parameters(index = "0", paramLabel = "URL", description = "the site's page, e.g. https://www.bbc.co.uk/news") String url;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      URI site = httpUrl(url);
      if (site == null) {
        err.println("newsdelta feeds discover: '" + url + "' is not an absolute http or https URL");
        return 2;
      }
      IngestConfig ingest;
      AddressPolicy network;
      try {
        NewsdeltaConfig config = source.configOrDefaults();
        ingest = config.ingest();
        network = config.network().policy();
      } catch (ConfigException e) {
        err.println("newsdelta feeds discover: " + e.getMessage());
        return 2;
      }
      HttpFetcher fetcher = HttpFetcher.builder().userAgent(ingest.userAgent()).timeout(ingest.fetchTimeout())
          .maxBytes(ingest.maxPageBytes()).addressPolicy(network).build();
      Discovery found;
      try {
        found = new SiteDiscoverer(fetcher).discover(site);
      } catch (FetchException e) {
        err.println("newsdelta feeds discover: cannot read " + site + ": " + reason(e)
            + "; check the address and that the site is up");
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      found.found().forEach(a -> out.println(Json.write(a)));
      out.flush();
      long feeds = found.found().stream().filter(a -> a.kind().equals(FeedRegistration.KIND_FEED)).count();
      long sitemaps = found.found().size() - feeds;
      err.println(found.page() + " advertises " + feeds + " feeds; " + found.robotsUrl()
          + (found.robotsProblem() == null ? " names " + sitemaps + " sitemaps"
              : " could not be read (" + found.robotsProblem() + "), so no sitemaps"));
      found.found().stream().filter(a -> !a.readable()).map(Advertised::url).forEach(u ->
          err.println(u + " is a JSON Feed, which ingest does not read (RSS, Atom, OPML and sitemaps only)"));
      if (!found.found().isEmpty()) {
        err.println("Add one with: newsdelta feeds add URL [--name NAME] [--kind sitemap] [--schedule geometric]");
      }
      return 0;
    }

    private static String reason(FetchException e) {
      return e.reason() == FetchException.Reason.HTTP_STATUS ? "HTTP " + e.status() : e.detail();
    }
  }

  /** {@code feeds add URL [--name N] [--kind K] [--schedule S]}. */
  @Command(name = "add", description = "Register a feed or sitemap on newsdelta.feeds; ingest polls it at once.")
  static final class Add implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Parameters(index = "0", paramLabel = "URL") String url;
    @Option(names = "--name", paramLabel = "NAME", description = "a human name") String name;
    @Option(names = "--kind", paramLabel = "KIND", description = "feed (RSS, Atom, OPML; default) or sitemap") String kind;
    @Option(names = "--schedule", paramLabel = "S", description = "gaps (ingest.article-recheck; default) or geometric")
    String schedule;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      URI feed = httpUrl(url);
      if (feed == null) {
        err.println("newsdelta feeds add: '" + url + "' is not an absolute http or https URL");
        return 2;
      }
      FeedRegistration reg;
      try {
        reg = new FeedRegistration(feed.toString(), name, FeedConfig.oneOf("--kind", kind, FeedConfig.KINDS),
            FeedConfig.oneOf("--schedule", schedule, FeedConfig.SCHEDULES));
      } catch (ConfigException e) {
        err.println("newsdelta feeds add: " + e.getMessage().replace("config key ", "option "));
        return 2;
      }
      try {
        int partitions = Files.isRegularFile(source.file) ? source.config().kafka().partitions() : 6;
        new RegistryClient(source.bootstrapServers(), KAFKA_TIMEOUT).put(reg, partitions);
      } catch (NewsdeltaException e) {
        err.println("newsdelta feeds add: " + e.getMessage());
        return 1;
      }
      spec.commandLine().getOut().println(Json.write(reg));
      return 0;
    }
  }

  /** {@code feeds remove URL}. */
  @Command(name = "remove", description = "Remove a feed from newsdelta.feeds; ingest stops polling it.")
  static final class Remove implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Parameters(index = "0", paramLabel = "URL") String url;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      try {
        RegistryClient registry = new RegistryClient(source.bootstrapServers(), KAFKA_TIMEOUT);
        if (!registry.list().containsKey(url)) {
          err.println("newsdelta feeds remove: " + url + " is not registered (see feeds list)");
          return 1;
        }
        registry.remove(url);
      } catch (NewsdeltaException e) {
        err.println("newsdelta feeds remove: " + e.getMessage());
        return 1;
      }
      if (Files.isRegularFile(source.file) && source.config().ingest().feeds().stream()
          .anyMatch(f -> f.url().toString().equals(url))) {
        err.println("Note: " + url + " is in feeds[] of " + source.file + "; ingest registers it again when it starts,"
            + " unless you take it out there too");
      }
      spec.commandLine().getOut().println("removed " + url);
      return 0;
    }
  }
}
