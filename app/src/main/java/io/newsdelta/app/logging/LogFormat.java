package io.newsdelta.app.logging;

import io.newsdelta.config.ObservabilityConfig;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Switches the shipped log4j2.xml to JSON lines when {@code logging.format} is {@code json}: every logger that
 * writes to one of the text appenders ({@code stderr}, {@code stderr-brief}) writes to {@code stderr-json}
 * instead (log4j2's JsonTemplateLayout, template {@code newsdelta-log.json}: time, level, logger, thread,
 * message, the MDC fields {@code feedUrl}, {@code articleId}, {@code changeId}, {@code channel}, and the
 * exception). Text stays the default; the file itself is not changed, so its tuned loggers keep their levels.
 */
public final class LogFormat {
  /** The JSON appender of log4j2.xml. */
  public static final String JSON_APPENDER = "stderr-json";
  private static final java.util.List<String> TEXT_APPENDERS = java.util.List.of("stderr", "stderr-brief");

  private LogFormat() {}

  /** Applies {@code config}'s format to the running log4j context (nothing to do for text). */
  public static void apply(ObservabilityConfig config) {
    if (config.jsonLogs() && LogManager.getContext(false) instanceof LoggerContext context) {
      toJson(context);
    }
  }

  /** Points every logger of {@code context} that writes text lines at the JSON appender. */
  public static void toJson(LoggerContext context) {
    Configuration configuration = context.getConfiguration();
    Appender json = configuration.getAppender(JSON_APPENDER);
    if (json == null) {
      return; // another log4j2 configuration is in use (a test's, an operator's): leave it alone
    }
    java.util.List<LoggerConfig> loggers = new java.util.ArrayList<>(configuration.getLoggers().values());
    loggers.add(configuration.getRootLogger());
    for (LoggerConfig logger : loggers) {
      boolean wroteText = false;
      for (String name : TEXT_APPENDERS) {
        if (logger.getAppenders().containsKey(name)) {
          logger.removeAppender(name);
          wroteText = true;
        }
      }
      if (wroteText && !logger.getAppenders().containsKey(JSON_APPENDER)) {
        logger.addAppender(json, null, null);
      }
    }
    context.updateLoggers();
  }
}
