package io.newsdelta.ingest.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The one per-host limiter every request of ingest passes — feed and sitemap polls, article pages, robots.txt
 * and each hop of a redirect, on the host of that hop — so a host never has more than its concurrency in flight
 * nor two starts closer than its gap (or its robots.txt Crawl-delay, if longer), whichever part of ingest asks.
 * {@link HostQueues} decides which article checks are worth starting (fairness between hosts, backoff,
 * robots.txt barriers); this gate is what makes the limits hold for all of them together. Waiting requests of a
 * host are served first come, first served.
 *
 * <p>Thread-safe. A small timer thread lets waiting requests go when their host's gap has passed; {@link
 * #close()} stops it and cancels what still waits.
 */
public final class HostGate implements AutoCloseable {
  /** One request's place at its host; {@link #release()} (idempotent) when the exchange ended. */
  public interface Permit {
    void release();
  }

  private static final class Host {
    final HostLimits.Limit limit;
    final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    long crawlDelay;
    int inFlight;
    int maxInFlight;
    long nextStart = Long.MIN_VALUE;
    long lastStart = Long.MIN_VALUE;
    long minGapSeen = Long.MAX_VALUE;
    boolean timerArmed;

    Host(HostLimits.Limit limit) {
      this.limit = limit;
    }

    long gap() {
      return Math.max(limit.minGap().toNanos(), crawlDelay);
    }
  }

  /** A host's figures since start: most in flight at once and the shortest gap between two starts. */
  public record Seen(int maxInFlight, Duration minGap) {}

  private final HostLimits limits;
  private final LongSupplier nanoTime;
  private final ScheduledExecutorService timer;
  private final Map<String, Host> hosts = new HashMap<>();
  private boolean closed;

  /** A gate with the given limits on the system's monotonic clock. */
  public HostGate(HostLimits limits) {
    this.limits = limits;
    this.nanoTime = System::nanoTime;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-host-gate");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A place for one request to {@code host} (lower case, no port): completes at once when the host has room and
   * its gap has passed, else when it has; cancelled when the gate closes. A caller that gives up cancels the
   * future; a place granted after that is given back.
   */
  public CompletableFuture<Permit> acquire(String host) {
    CompletableFuture<Permit> place = new CompletableFuture<>();
    List<Runnable> grants;
    synchronized (this) {
      if (closed) {
        place.cancel(false);
        return place;
      }
      Host h = hosts.computeIfAbsent(host, n -> new Host(limits.forHost(n)));
      h.waiting.addLast(place);
      grants = drain(host, h);
    }
    grants.forEach(Runnable::run);
    return place;
  }

  /** The host's robots.txt Crawl-delay (capped at {@link HostQueues#MAX_CRAWL_DELAY}); zero for none. */
  public void crawlDelay(String host, Duration delay) {
    Duration d = delay.compareTo(HostQueues.MAX_CRAWL_DELAY) > 0 ? HostQueues.MAX_CRAWL_DELAY : delay;
    synchronized (this) {
      hosts.computeIfAbsent(host, n -> new Host(limits.forHost(n))).crawlDelay = d.isNegative() ? 0 : d.toNanos();
    }
  }

  /** What the gate let through to {@code host} so far (for load runs and tests). */
  public synchronized Seen seen(String host) {
    Host h = hosts.get(host);
    if (h == null) {
      return new Seen(0, null);
    }
    return new Seen(h.maxInFlight, h.minGapSeen == Long.MAX_VALUE ? null : Duration.ofNanos(h.minGapSeen));
  }

  /** Requests in flight to {@code host} now. */
  public synchronized int inFlight(String host) {
    Host h = hosts.get(host);
    return h == null ? 0 : h.inFlight;
  }

  /** Under the lock: grants what may start now and arms the timer for the rest; returns the completions to run. */
  private List<Runnable> drain(String name, Host h) {
    List<Runnable> grants = new ArrayList<>(1);
    long now = nanoTime.getAsLong();
    while (!h.waiting.isEmpty() && h.inFlight < h.limit.concurrency() && h.nextStart <= now) {
      CompletableFuture<Permit> place = h.waiting.pollFirst();
      if (place.isDone()) {
        continue;
      }
      h.inFlight++;
      h.maxInFlight = Math.max(h.maxInFlight, h.inFlight);
      if (h.lastStart != Long.MIN_VALUE) {
        h.minGapSeen = Math.min(h.minGapSeen, now - h.lastStart);
      }
      h.lastStart = now;
      h.nextStart = now + h.gap();
      Permit permit = new Granted(name);
      grants.add(() -> {
        if (!place.complete(permit)) {
          permit.release();
        }
      });
    }
    if (!h.waiting.isEmpty() && h.inFlight < h.limit.concurrency() && !h.timerArmed && !closed) {
      h.timerArmed = true;
      timer.schedule(() -> wakeUp(name), Math.max(0, h.nextStart - now), TimeUnit.NANOSECONDS);
    }
    return grants;
  }

  private void wakeUp(String name) {
    List<Runnable> grants;
    synchronized (this) {
      Host h = hosts.get(name);
      h.timerArmed = false;
      grants = drain(name, h);
    }
    grants.forEach(Runnable::run);
  }

  private void released(String name) {
    List<Runnable> grants;
    synchronized (this) {
      Host h = hosts.get(name);
      h.inFlight--;
      grants = drain(name, h);
    }
    grants.forEach(Runnable::run);
  }

  /** Stops the timer; requests still waiting are cancelled. */
  @Override
  public void close() {
    List<CompletableFuture<Permit>> waiting = new ArrayList<>();
    synchronized (this) {
      closed = true;
      hosts.values().forEach(h -> {
        waiting.addAll(h.waiting);
        h.waiting.clear();
      });
    }
    timer.shutdownNow();
    waiting.forEach(w -> w.completeExceptionally(new CancellationException("ingest is stopping")));
  }

  private final class Granted implements Permit {
    private final String host;
    private final AtomicBoolean released = new AtomicBoolean();

    Granted(String host) {
      this.host = host;
    }

    @Override
    public void release() {
      if (released.compareAndSet(false, true)) {
        released(host);
      }
    }
  }
}
