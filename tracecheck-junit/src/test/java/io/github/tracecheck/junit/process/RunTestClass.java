package io.github.tracecheck.junit.process;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs one test class on the JUnit Platform in this JVM - a child JVM with the Java agent attached -
 * and prints one {@code RESULT} line per test or class that finished, then {@code DONE}.
 */
public final class RunTestClass {

  /** The prefix of each result line: {@code RESULT <name>: <status>: <message on one line>}. */
  public static final String RESULT = "RESULT ";
  /** The last line. */
  public static final String DONE = "DONE";

  private RunTestClass() {}

  public static void main(String[] args) throws Exception {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Class.forName(args[0]))).execute();
    for (Event event : results.allEvents().finished().list()) {
      TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
      String message = result.getThrowable().map(t -> String.valueOf(t.getMessage()).replace("\n", " | ")).orElse("");
      System.out.println(RESULT + event.getTestDescriptor().getDisplayName() + ": " + result.getStatus() + ": " + message);
    }
    System.out.println(DONE);
    System.out.flush();
    System.exit(0);
  }
}
