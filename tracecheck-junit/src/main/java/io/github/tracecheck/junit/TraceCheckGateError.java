package io.github.tracecheck.junit;

/**
 * The gate's failure: the captured traces of a test had findings. When the test had already
 * failed, this is attached to that failure as a suppressed exception instead of replacing it.
 */
public final class TraceCheckGateError extends AssertionError {

  private static final long serialVersionUID = 1L;

  TraceCheckGateError(String message) {
    super(message);
  }
}
