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
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The one per-host limiter every request of ingest passes — feed and sitemap polls, article pages, robots.txt
 * and each hop of a redirect, on the host of that hop — so a host never has more than its concurrency in flight
 * nor two starts closer than its gap (or its robots.txt Crawl-delay, if longer), whichever part of ingest asks.
 * {@link HostQueues} decides which article checks are worth starting (fairness between hosts, backoff,
 * robots.txt barriers); this gate is what makes the limits hold for all of them together. Waiting requests of a
 * host are served first come, first served.
 *
 * <p>It also holds each host's "not before" time, the one place that decides when a host may be asked again: a
 * {@code Retry-After} on a 429 or 503 and the exponential backoff of a host that keeps failing ({@link
 * HostBackoff}) pause every kind of request to the host — feeds, sitemaps, pages, robots.txt, redirect hops and
 * WebSub hub requests alike — because every one of them reports its answer here ({@link #answered}). A change of a
 * host's state (backing off, recovered) goes to the {@link Listener}, once per change.
 *
 * <p>Thread-safe. A small timer thread lets waiting requests go when their host's gap has passed; {@link
 * #close()} stops it and cancels what still waits.
 */
public final class HostGate implements AutoCloseable {
  /** One request's place at its host; {@link #release()} (idempotent) when the exchange ended. */
  public interface Permit {
    void release();
  }

  /** A host's state changed: it began to back off (for {@code pause}), or it answered again after backing off. */
  public record Change(String host, String origin, boolean backingOff, Duration pause, String detail) {}

  /** Told each {@link Change}, outside the gate's lock. */
  @FunctionalInterface
  public interface Listener {
    void changed(Change change);
  }

  /** The longest a {@code Retry-After} pauses a host: a site cannot park ingest's requests for days. */
  public static final Duration MAX_RETRY_AFTER = HostBackoff.MAX;
  /** The least pause a {@code Retry-After} makes (a zero or past value still slows a host down a little). */
  public static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

  private static final class Host {
    final HostLimits.Limit limit;
    final HostBackoff backoff;
    long notBefore = Long.MIN_VALUE;
    final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    long crawlDelay;
    int inFlight;
    int maxInFlight;
    long nextStart = Long.MIN_VALUE;
    long lastStart = Long.MIN_VALUE;
    long minGapSeen = Long.MAX_VALUE;
    boolean timerArmed;

    Host(HostLimits.Limit limit, DoubleSupplier random) {
      this.limit = limit;
      this.backoff = new HostBackoff(random);
    }

    /** When the next request may start, as far as gap, Retry-After and backoff say. */
    long startableAt() {
      return Math.max(nextStart, notBefore);
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
  private final DoubleSupplier random;
  private final Map<String, Host> hosts = new HashMap<>();
  private volatile Listener listener = change -> { };
  private boolean closed;
  private int inFlightAll;
  private int maxInFlightAll;

  /** A gate with the given limits on the system's monotonic clock. */
  public HostGate(HostLimits limits) {
    this(limits, new Random()::nextDouble);
  }

  /** @param random uniform numbers in [0, 1), the jitter of the hosts' backoff */
  public HostGate(HostLimits limits, DoubleSupplier random) {
    this.limits = limits;
    this.random = random;
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
      Host h = host(host);
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
      host(host).crawlDelay = d.isNegative() ? 0 : d.toNanos();
    }
  }

  /** Who is told when a host begins to back off or recovers (the service reports it as an event). */
  public void listener(Listener l) {
    this.listener = l == null ? change -> { } : l;
  }

  /**
   * What a request to {@code host} got back, from whichever part of ingest sent it: a host failure (no connection,
   * timeout, 5xx, 429) counts towards its backoff, anything else ends it; a {@code Retry-After} (on a 429 or 503)
   * keeps every request to the host until it has passed (at least {@link #MIN_RETRY_AFTER}, at most {@link
   * #MAX_RETRY_AFTER}).
   *
   * @param origin the scheme, host and port the request went to ({@code https://host/}), for the report
   * @param hostFailure whether the answer (or its absence) is the host's failure
   * @param retryAfter the wait the host asked for, or null
   * @param detail what went wrong, for the report of a change
   */
  public void answered(String host, String origin, boolean hostFailure, Duration retryAfter, String detail) {
    Change change = null;
    List<Runnable> grants = List.of();
    synchronized (this) {
      Host h = host(host);
      long now = nanoTime.getAsLong();
      if (!hostFailure) {
        if (h.backoff.succeeded()) {
          change = new Change(host, origin, false, Duration.ZERO, detail);
        }
      } else {
        if (retryAfter != null) {
          Duration wait = retryAfter.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER
              : retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
          h.notBefore = Math.max(h.notBefore, now + wait.toNanos());
        }
        boolean was = h.backoff.backingOff();
        Duration pause = h.backoff.failed();
        if (!pause.isZero()) {
          h.notBefore = Math.max(h.notBefore, now + pause.toNanos());
        }
        if (!was && h.backoff.backingOff()) {
          change = new Change(host, origin, true, pause, detail);
        }
      }
      if (!closed) {
        grants = drain(host, h);
      }
    }
    grants.forEach(Runnable::run);
    if (change != null) {
      listener.changed(change);
    }
  }

  /**
   * The monotonic time ({@link System#nanoTime()}) before which no request to {@code host} starts (Retry-After,
   * backoff), or {@link Long#MIN_VALUE}; the watcher leaves the host's checks queued until then instead of holding
   * fetch slots with them.
   */
  public synchronized long notBefore(String host) {
    Host h = hosts.get(host);
    return h == null ? Long.MIN_VALUE : h.notBefore;
  }

  /** Whether {@code host} is backing off after failures in a row. */
  public synchronized boolean backingOff(String host) {
    Host h = hosts.get(host);
    return h != null && h.backoff.backingOff();
  }

  private Host host(String name) {
    return hosts.computeIfAbsent(name, n -> new Host(limits.forHost(n), random));
  }

  /** What the gate let through to {@code host} so far (for load runs and tests). */
  public synchronized Seen seen(String host) {
    Host h = hosts.get(host);
    if (h == null) {
      return new Seen(0, null);
    }
    return new Seen(h.maxInFlight, h.minGapSeen == Long.MAX_VALUE ? null : Duration.ofNanos(h.minGapSeen));
  }

  /** The most requests in flight at once over all hosts since start (for load runs). */
  public synchronized int maxInFlight() {
    return maxInFlightAll;
  }

  /** The hosts the gate has seen (for load runs). */
  public synchronized List<String> hosts() {
    return List.copyOf(hosts.keySet());
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
    while (!h.waiting.isEmpty() && h.inFlight < h.limit.concurrency() && h.startableAt() <= now) {
      CompletableFuture<Permit> place = h.waiting.pollFirst();
      if (place.isDone()) {
        continue;
      }
      h.inFlight++;
      h.maxInFlight = Math.max(h.maxInFlight, h.inFlight);
      inFlightAll++;
      maxInFlightAll = Math.max(maxInFlightAll, inFlightAll);
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
      timer.schedule(() -> wakeUp(name), Math.max(0, h.startableAt() - now), TimeUnit.NANOSECONDS);
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
      inFlightAll--;
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
