package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.ingest.registry.OpmlFile;
import io.newsdelta.ingest.registry.RegistryClient;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code feeds export}: the registered feeds as an OPML 2.0 document on standard output (for feeds import, readers). */
@Command(name = "export", description = "Print every feed on newsdelta.feeds as an OPML 2.0 document.")
final class FeedsExport implements Callable<Integer> {
  @Mixin ClusterSource source;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      var feeds = new RegistryClient(source.bootstrapServers(), Duration.ofSeconds(30)).list().values();
      spec.commandLine().getOut().print(OpmlFile.write(feeds, new Date()));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (NewsdeltaException e) {
      spec.commandLine().getErr().println("newsdelta feeds export: " + e.getMessage());
      return 1;
    }
  }
}
