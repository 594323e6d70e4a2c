package io.huaxiang.core.dataset;

/**
 * A dataset line that cannot be imported, with its line number and a reason a user can act on.
 *
 * <p>Line numbers count from 1 and include the header, so they match what an editor shows.
 */
public final class MalformedRowException extends RuntimeException {
  private final long lineNumber;
  private final String reason;

  public MalformedRowException(long lineNumber, String reason) {
    super("line " + lineNumber + ": " + reason);
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  public long lineNumber() {
    return lineNumber;
  }

  public String reason() {
    return reason;
  }
}
