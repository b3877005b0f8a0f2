package io.github.tracecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures the OpenTelemetry spans of every test in the class.
 *
 * <pre>{@code
 * @TraceCheck
 * class CheckoutIT {
 *   @Test
 *   void checkoutIsOneTrace(OpenTelemetry otel, CapturedTraces traces) {
 *     new CheckoutService(otel).checkout("order-1");
 *     assertThat(traces.awaitAllEnded()).singleTrace().hasRootNamed("checkout");
 *   }
 * }
 * }</pre>
 *
 * <p>For the class, an {@code OpenTelemetrySdk} with W3C trace-context and baggage propagators is
 * set as {@code GlobalOpenTelemetry} (the previous state is restored afterwards; when JUnit runs
 * tests in parallel, one SDK serves the whole run). Each test sees only the spans of its own run,
 * also in parallel: a trace belongs to the test on whose thread its root started. At most {@code
 * tracecheck.capture.max-spans} spans are kept per test. Test methods and constructors can declare parameters of type
 * {@code OpenTelemetry}, {@code Tracer} and {@link CapturedTraces}.
 *
 * <p>After each test the gate checks the captured traces for orphaned roots, dangling parents,
 * spans never ended, a context left current on the test thread and missing error statuses, and
 * fails the test with the findings and their trees drawn. See {@link TraceCheckRule} and {@link
 * SuppressFinding}.
 *
 * <p>Every attribute can also be set for a whole run in {@code junit-platform.properties}; a value
 * given here wins over the property.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TraceCheckExtension.class)
public @interface TraceCheck {

  /**
   * How long the await methods of {@link CapturedTraces} wait by default, e.g. {@code "10s"},
   * {@code "500ms"} or {@code "PT2M"}. Property: {@code tracecheck.await.timeout}; default 10s.
   */
  String awaitTimeout() default "";

  /**
   * Resource attributes of the captured spans as {@code key=value} pairs, e.g. {@code
   * "service.name=checkout"}. Property: {@code tracecheck.resource.attributes}, comma-separated.
   * Default: {@code service.name} is the test class's simple name.
   */
  String[] resourceAttributes() default {};

  /**
   * What the gate does with findings after each test: {@code "fail"} (the default), {@code "warn"}
   * or {@code "off"}. Property: {@code tracecheck.gate}. Per rule: {@link TraceCheckRule}, or the
   * properties {@code tracecheck.gate.fail}, {@code tracecheck.gate.warn} and {@code
   * tracecheck.gate.off} listing rule names.
   */
  String gate() default "";

  /**
   * Record where each span was started, so that findings about spans that never ended say where
   * in the code they were started. Costs a stack walk per span. Property: {@code
   * tracecheck.capture.stack-traces}; default false.
   */
  String captureStackTraces() default "";

  /**
   * PII detectors of your own, added to the built-in ones for the gate's {@code pii} rule. Each
   * class needs a no-argument constructor. Detectors can also be defined in properties: {@code
   * tracecheck.pii.custom.1.name}, {@code .pattern} (a Java regex) and {@code .description}.
   */
  Class<? extends io.github.tracecheck.pii.PiiDetector>[] piiDetectors() default {};
}
