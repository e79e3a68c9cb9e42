package io.newsdelta.app;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What the command line does with an exception a command did not handle: one line on standard error naming
 * the command and the cause, exit status 1 — never a stack trace for the user to decode. The stack trace
 * still goes to the log at debug level, for whoever needs it.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OneLineErrors.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    LOG.debug("newsdelta {} failed", command.getCommandName(), e);
    command.getErr().println("newsdelta " + command.getCommandName() + ": " + describe(e));
    return 1;
  }

  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == e ? message : e.getClass().getSimpleName() + ": " + message;
  }
}
