package io.github.tracecheck.collector;

/**
 * A Collector configuration tracecheck cannot apply faithfully: a processor, an OTTL function or a
 * regular expression it does not support, or a malformed setting. The message names it; nothing
 * is ever skipped silently, since a skipped redaction would make the check pass for nothing.
 */
public final class CollectorConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CollectorConfigException(String message) {
    super(message);
  }

  public CollectorConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
