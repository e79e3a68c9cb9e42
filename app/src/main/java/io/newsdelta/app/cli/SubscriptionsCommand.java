package io.newsdelta.app.cli;

import io.newsdelta.NewsdeltaException;
import io.newsdelta.config.NotifierConfig;
import io.newsdelta.config.SubscriptionConfig;
import io.newsdelta.events.Json;
import io.newsdelta.notifier.subscription.SubscriptionRouting;
import io.newsdelta.notifier.subscription.SubscriptionStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code subscriptions add|list|remove}: the run-time subscriptions on {@code newsdelta.subscriptions}, which
 * every notifier instance follows (configured ones are listed too, and stay as long as they are configured).
 */
@Command(name = "subscriptions", description = "Add, list or remove the notifier's run-time subscriptions.",
    subcommands = {SubscriptionsCommand.Add.class, SubscriptionsCommand.ListAll.class, SubscriptionsCommand.Remove.class})
public final class SubscriptionsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code subscriptions add NAME --channel C … [conditions]}. */
  @Command(name = "add", description = "Add or replace a subscription.")
  static final class Add implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Option(names = "--channel", required = true, paramLabel = "NAME", description = "a channel to send to (repeat)") List<String> channels;
    @Option(names = "--feed", paramLabel = "URL", description = "only articles of this feed, by URL or name (repeat)") List<String> feeds;
    @Option(names = "--url-pattern", paramLabel = "GLOB", description = "article URL glob, e.g. */politics/*") String urlPattern;
    @Option(names = "--text", paramLabel = "WORDS|/RE/", description = "words or /regex/ in inserted or deleted text (repeat)") List<String> text;
    @Option(names = "--headline-changed", description = "only headline changes") Boolean headlineChanged;
    @Option(names = "--min-words", paramLabel = "N", description = "at least N words added plus removed") Integer minWords;
    @Option(names = "--exclude-minor", description = "leave minor changes out") boolean excludeMinor;
    @Option(names = "--kind", paramLabel = "KIND", description = "edit, removed, moved, restored (repeat)") List<String> kinds;
    @Option(names = "--digest", paramLabel = "DURATION", description = "e-mail channels: one digest of this subscription per period, e.g. 1h") String digest;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        NotifierConfig config = source.config().notifier();
        SubscriptionConfig s = new SubscriptionConfig(name, feeds, urlPattern, text, headlineChanged, minWords,
            excludeMinor ? Boolean.FALSE : null, kinds, channels, digest);
        List<String> known = config.allChannels().stream().map(c -> c.name()).toList();
        for (String c : s.channels()) {
          if (!known.contains(c)) {
            spec.commandLine().getErr().println("newsdelta subscriptions add: no channel named " + c + "; known: " + known);
            return 2;
          }
        }
        SubscriptionStore.put(source.bootstrapServers(), s);
        spec.commandLine().getOut().println(Json.write(s));
        return 0;
      } catch (NewsdeltaException e) {
        spec.commandLine().getErr().println("newsdelta subscriptions add: " + e.getMessage());
        return 2;
      }
    }
  }

  /** {@code subscriptions list}: one JSON object per line, configured ones first. */
  @Command(name = "list", description = "Print every subscription in force as JSON lines.")
  static final class ListAll implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (SubscriptionStore store = new SubscriptionStore(source.bootstrapServers()).start()) {
        if (!store.awaitCaughtUp(Duration.ofSeconds(30))) {
          spec.commandLine().getErr().println("newsdelta subscriptions list: cannot read newsdelta.subscriptions at "
              + source.bootstrapServers());
          return 1;
        }
        List<SubscriptionConfig> configured =
            java.nio.file.Files.isRegularFile(source.file) ? source.config().notifier().subscriptions() : List.of();
        PrintWriter out = spec.commandLine().getOut();
        new SubscriptionRouting(configured, store::all).current().forEach(s -> out.println(Json.write(s)));
        out.flush();
        return 0;
      } catch (NewsdeltaException e) {
        spec.commandLine().getErr().println("newsdelta subscriptions list: " + e.getMessage());
        return 1;
      }
    }
  }

  /** {@code subscriptions remove NAME}. */
  @Command(name = "remove", description = "Remove a run-time subscription.")
  static final class Remove implements Callable<Integer> {
    @Mixin ClusterSource source;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        SubscriptionStore.remove(source.bootstrapServers(), name);
        spec.commandLine().getOut().println("removed " + name);
        return 0;
      } catch (NewsdeltaException e) {
        spec.commandLine().getErr().println("newsdelta subscriptions remove: " + e.getMessage());
        return 1;
      }
    }
  }
}
