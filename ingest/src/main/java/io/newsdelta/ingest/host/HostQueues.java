package io.newsdelta.ingest.host;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The due jobs (article checks, robots.txt fetches) waiting for their host, and which of them may start now.
 * A host may start a request when it has fewer than its concurrency in flight, its minimum gap (or robots
 * Crawl-delay, if longer) has passed since its last start, it is not paused (backoff, Retry-After) and not
 * held (robots.txt being read). Whether a host is paused is the {@link HostGate}'s to say (it holds each host's
 * "not before" time from Retry-After and backoff, for every kind of request); these queues only leave a paused
 * host's jobs waiting instead of sending them to wait in the gate. Hosts take turns, so one busy host does not starve the others of the global
 * slots. Times are monotonic nanoseconds ({@link System#nanoTime()}), never the wall clock: politeness is
 * about real time even when the schedule runs on a test clock.
 *
 * <p>Pure and not thread-safe: the watcher calls it under its lock.
 */
public final class HostQueues {
  /** A job to start now, its host's request slot already taken. */
  public record Start(String host, String job) {}

  /**
   * What {@link #pick} chose.
   *
   * @param starts the jobs to start, in order
   * @param nextAt the soonest time (nanos) a host with waiting jobs may start one more, {@link Long#MAX_VALUE}
   *     when only a finished request can free one
   */
  public record Picks(List<Start> starts, long nextAt) {}

  /**
   * Jobs whose name starts with this hold their host when picked (a robots.txt read the host's other jobs wait
   * for), until {@link #hold(String, boolean) hold(host, false)}.
   */
  public static final String BARRIER = "\u0000";

  /** Robots Crawl-delay values beyond this are capped: a site cannot stop ingest with a day-long delay. */
  public static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

  private static final class Host {
    final HostLimits.Limit limit;
    final ArrayDeque<String> waiting = new ArrayDeque<>();
    long crawlDelay;
    int inFlight;
    long nextStart = Long.MIN_VALUE;
    boolean held;
    int maxInFlight;

    Host(HostLimits.Limit limit) {
      this.limit = limit;
    }

    long gap() {
      return Math.max(limit.minGap().toNanos(), crawlDelay);
    }

  }

  /** When {@code h} may start its next request; MAX_VALUE when it is full or held. */
  private long startableAt(String name, Host h) {
    if (h.held || h.inFlight >= h.limit.concurrency()) {
      return Long.MAX_VALUE;
    }
    return gate == null ? h.nextStart : Math.max(h.nextStart, gate.notBefore(name));
  }

  private final HostLimits limits;
  /** The limiter all requests pass, told each host's Crawl-delay too; null when there is none (tests). */
  private final HostGate gate;
  private final Map<String, Host> hosts = new HashMap<>();
  /** Hosts with waiting jobs, in turn order. */
  private final LinkedHashSet<String> active = new LinkedHashSet<>();
  private int waiting;

  /** Queues without a gate (tests of the queues alone): no host is ever paused. */
  public HostQueues(HostLimits limits) {
    this(limits, null);
  }

  /**
   * Queues whose hosts' Crawl-delay is also kept by {@code gate}, the limiter every request passes, and whose
   * hosts wait while the gate pauses them.
   *
   * @param gate the fetcher's per-host limiter
   */
  public HostQueues(HostLimits limits, HostGate gate) {
    this.limits = limits;
    this.gate = gate;
  }

  /** Queues a job behind the host's others. */
  public void add(String host, String job) {
    host(host).waiting.addLast(job);
    active.add(host);
    waiting++;
  }

  /** Queues a job before the host's others (a robots.txt fetch the others wait for). */
  public void addFirst(String host, String job) {
    host(host).waiting.addFirst(job);
    active.add(host);
    waiting++;
  }

  /** Jobs waiting for their host. */
  public int waiting() {
    return waiting;
  }

  /**
   * Takes up to {@code slots} jobs that may start at {@code now}, one host's turn at a time, and counts each as
   * a request started on its host.
   */
  public Picks pick(long now, int slots) {
    List<Start> starts = new ArrayList<>();
    boolean progress = true;
    while (progress && starts.size() < slots && !active.isEmpty()) {
      progress = false;
      List<String> turned = new ArrayList<>();
      for (Iterator<String> it = active.iterator(); it.hasNext() && starts.size() < slots; ) {
        String name = it.next();
        Host h = hosts.get(name);
        if (startableAt(name, h) > now) {
          continue;
        }
        String job = h.waiting.pollFirst();
        starts.add(new Start(name, job));
        waiting--;
        started(h, now);
        if (job.startsWith(BARRIER)) {
          h.held = true;
        }
        progress = true;
        it.remove();
        if (!h.waiting.isEmpty()) {
          turned.add(name);
        }
      }
      // A host that just had its turn goes to the back of the line.
      active.addAll(turned);
    }
    long nextAt = Long.MAX_VALUE;
    for (String name : active) {
      nextAt = Math.min(nextAt, startableAt(name, hosts.get(name)));
    }
    return new Picks(starts, nextAt);
  }

  private static void started(Host h, long now) {
    h.inFlight++;
    h.maxInFlight = Math.max(h.maxInFlight, h.inFlight);
    h.nextStart = now + h.gap();
  }

  /**
   * The request picked last for the host was handed to the HTTP client only now: its gap counts from now, so the
   * time between picking and sending does not shorten the gap the site sees.
   */
  public void sent(String host, long now) {
    Host h = hosts.get(host);
    if (h != null) {
      h.nextStart = Math.max(h.nextStart, now + h.gap());
    }
  }

  /** A request of the host ended (whatever its outcome). */
  public void finished(String host) {
    Host h = hosts.get(host);
    if (h != null && h.inFlight > 0) {
      h.inFlight--;
    }
  }

  /**
   * A picked job did not make a request after all (robots.txt forbids the page): gives the slot back and
   * lets the host's next request start without waiting for the gap.
   */
  public void unstarted(String host, long previousNextStart) {
    Host h = hosts.get(host);
    if (h != null) {
      finished(host);
      h.nextStart = previousNextStart;
    }
  }

  /** When the host's last start allows the next one (for {@link #unstarted}). */
  public long nextStart(String host) {
    Host h = hosts.get(host);
    return h == null ? Long.MIN_VALUE : h.nextStart;
  }

  /** Holds the host's jobs (while its robots.txt is being read), or lets them go. */
  public void hold(String host, boolean held) {
    host(host).held = held;
  }

  /** The host's robots.txt Crawl-delay (capped at {@link #MAX_CRAWL_DELAY}); zero for none. */
  public void crawlDelay(String host, Duration delay) {
    Duration d = delay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : delay;
    host(host).crawlDelay = d.isNegative() ? 0 : d.toNanos();
    if (gate != null) {
      gate.crawlDelay(host, delay);
    }
  }

  /** Requests of the host in flight now. */
  public int inFlight(String host) {
    Host h = hosts.get(host);
    return h == null ? 0 : h.inFlight;
  }

  /** The most requests the host ever had in flight at once. */
  public int maxInFlight(String host) {
    Host h = hosts.get(host);
    return h == null ? 0 : h.maxInFlight;
  }

  private Host host(String name) {
    return hosts.computeIfAbsent(name, n -> new Host(limits.forHost(n)));
  }
}
