package io.github.tracecheck.springtests;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import java.util.List;

/**
 * The orphaned-root findings of a test's traces in a form a test can assert exactly: what changes
 * from run to run - ids, thread numbers, and which request's span was open when a task started -
 * is replaced. Shared by the Spring test modules (every tracing stack's checkout has the same bugs).
 */
final class OrphanFindings {

  /** The gate's finding for the audit task run by a Spring executor without the submitter's context. */
  static final String AUDIT_WITHOUT_CONTEXT =
      "[orphaned-root] span \"audit\" (checkout) started a new trace on thread \"task-<n>\" while span"
          + " \"<request>\" (checkout) in trace <trace-id> was open on thread \"http-nio-auto-<n>-exec-<n>\"\n"
          + "  likely cause: the Spring task executor ran the task without the submitter's context: give it a"
          + " TaskDecorator that wraps the task with the submitter's context (Spring's"
          + " ContextPropagatingTaskDecorator, or runnable -> Context.current().wrap(runnable))";

  private OrphanFindings() {}

  static List<String> of(TraceForest forest) {
    return Rules.check(forest).stream()
        .filter(f -> f.rule().equals("orphaned-root"))
        .map(Finding::summary)
        .map(summary -> summary.replaceAll("\\b[0-9a-f]{32}\\b", "<trace-id>").replaceAll("-\\d+(?=[-\"])", "-<n>")
            // The request's span open when the task started: the checkout's, or the inventory's, whose
            // server span ends just after its response reached the checkout (Micrometer's names, then
            // OpenTelemetry's).
            .replaceAll("\"(http get|GET) /(checkout|inventory)\"", "\"<request>\""))
        .toList();
  }
}
