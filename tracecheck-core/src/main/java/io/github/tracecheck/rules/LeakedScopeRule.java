package io.github.tracecheck.rules;

import io.github.tracecheck.model.ContextLeak;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports the contexts left current on a thread ({@link TraceForest#contextLeaks()}): a {@code Scope}
 * from {@code makeCurrent()} that was never closed. The JUnit gate records them on the test thread
 * after each test (see {@code io.github.tracecheck.capture.ContextLeakProbe}).
 */
public final class LeakedScopeRule implements Rule {

  public static final String NAME = "leaked-scope";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "a context still current on the test thread after the test: a Scope never closed", RuleMode.FAIL)
          .withConventions("OpenTelemetry context API: Context.makeCurrent() returns a Scope that must be closed");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    for (ContextLeak leak : forest.contextLeaks()) {
      String what;
      if (leak.spanContext().isValid()) {
        String name = leak.span().map(n -> "\"" + Masking.redact(n) + "\" ").orElse("");
        what = "span " + name + "(" + leak.spanContext().getSpanId() + ") was made current";
      } else {
        what = "a context without a span (baggage or another value) was made current";
      }
      findings.add(
          Finding.general(
              NAME,
              "the test thread \"" + leak.threadName() + "\" still has a context current after the test: " + what
                  + " and its Scope was never closed",
              "a Scope returned by makeCurrent() was not closed: use try-with-resources"));
    }
    return findings;
  }
}
