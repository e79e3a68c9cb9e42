package io.newsdelta.kafka;

/**
 * One thing about a topic that differs from what newsdelta needs or recommends, with what to do.
 *
 * @param topic the topic
 * @param severity {@link Severity#FAIL} when newsdelta loses data or cannot work, {@link Severity#WARN} when a
 *     production cluster should be set up otherwise
 * @param text what is wrong and how to fix it, one line
 */
public record TopicFinding(String topic, Severity severity, String text) {
  /** How bad a finding is. */
  public enum Severity {
    WARN,
    FAIL
  }

  @Override
  public String toString() {
    return severity.name().toLowerCase(java.util.Locale.ROOT) + " " + topic + ": " + text;
  }
}
