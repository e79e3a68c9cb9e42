package io.newsdelta.health;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a process is ready to do its work: the conjunction of named checks, each answering why it is not
 * ready (empty when it is). Services add their checks as they start; {@code /health/ready} answers 200 when
 * {@link #notReady()} is empty and 503 with the reasons otherwise. Thread-safe.
 */
public final class Readiness {
  private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

  /**
   * One check.
   *
   * @param name what is checked, such as {@code diff-worker}
   * @param notReady why it is not ready, or empty when it is
   */
  public record Check(String name, Supplier<Optional<String>> notReady) {
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(notReady, "notReady");
    }
  }

  private final List<Check> checks = new CopyOnWriteArrayList<>();

  /** Adds a check. */
  public Readiness add(String name, Supplier<Optional<String>> notReady) {
    checks.add(new Check(name, notReady));
    return this;
  }

  /** The checks, in the order they were added. */
  public List<Check> checks() {
    return List.copyOf(checks);
  }

  /**
   * Why the process is not ready: one line per failing check ({@code name: reason}); empty when every check
   * passes. A check that throws counts as not ready, with its message.
   */
  public List<String> notReady() {
    return checks.stream().flatMap(c -> reason(c).map(r -> c.name() + ": " + r).stream()).toList();
  }

  private static Optional<String> reason(Check check) {
    try {
      return check.notReady().get();
    } catch (RuntimeException e) {
      LOG.debug("Readiness check {} failed", check.name(), e);
      return Optional.of("the check failed: " + e.getMessage());
    }
  }
}
