package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.events.FeedRegistration;
import io.newsdelta.ingest.registry.OpmlFile;
import io.newsdelta.ingest.registry.RegistryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code feeds import FILE.opml}: registers every feed of an OPML subscription list on {@code newsdelta.feeds},
 * as {@code feeds add} does one. Feeds registered already, or listed twice, are skipped and said so; an outline
 * that is not a usable feed is reported and the others are still imported. Exit 0 when every outline was usable,
 * 1 when some were not (or Kafka failed), 2 when the file cannot be read or is not OPML (nothing imported).
 */
@Command(name = "import", description = "Register every feed of an OPML file (nested outlines, xmlUrl, title or text"
    + " as the name, type=\"sitemap\" for sitemaps) on newsdelta.feeds; feeds registered already are skipped.")
final class FeedsImport implements Callable<Integer> {
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

  @Mixin ClusterSource source;
  @Parameters(index = "0", paramLabel = "FILE", description = "an OPML 1.0 or 2.0 file") Path file;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OpmlFile.Read read;
    try {
      read = OpmlFile.read(Files.readAllBytes(file));
    } catch (IOException e) {
      err.println("newsdelta feeds import: cannot read " + file + ": " + e.getMessage());
      return 2;
    } catch (OpmlFile.NotOpmlException e) {
      err.println("newsdelta feeds import: " + file + " is not an OPML file (" + e.getMessage()
          + "); nothing was imported; export the subscription list from your reader as OPML");
      return 2;
    }
    read.problems().forEach(p -> err.println(file + ": " + p));
    List<FeedRegistration> added = new ArrayList<>();
    int skipped = 0;
    try {
      RegistryClient registry = new RegistryClient(source.bootstrapServers(), KAFKA_TIMEOUT);
      Set<String> known = new HashSet<>(registry.list().keySet());
      for (FeedRegistration feed : read.feeds()) {
        if (!known.add(feed.url())) {
          out.println("skipped " + feed.url() + ": already registered");
          skipped++;
        } else {
          added.add(feed);
        }
      }
      if (!added.isEmpty()) {
        int partitions = Files.isRegularFile(source.file) ? source.config().kafka().partitions() : 6;
        registry.putAll(added, partitions);
      }
    } catch (NewsdeltaException e) {
      err.println("newsdelta feeds import: " + e.getMessage() + "; nothing was imported");
      return 1;
    }
    added.forEach(f -> out.println("added " + f.url() + " (" + f.kindOrDefault()
        + (f.name() == null ? "" : ", " + f.name()) + ")"));
    out.println("imported " + added.size() + " feeds from " + file + ", skipped " + skipped
        + " already registered, " + read.problems().size() + " outlines not usable");
    out.flush();
    return read.problems().isEmpty() ? 0 : 1;
  }
}
