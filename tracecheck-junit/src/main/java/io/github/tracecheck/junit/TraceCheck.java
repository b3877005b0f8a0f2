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
 * also in parallel: a span belongs to the test whose context it descends from (each test's context
 * carries a mark), else to its parent span's owner, the test on whose thread it started, or its
 * trace's owner. At most {@code
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

  /** Property for {@link #awaitTimeout()}. */
  String AWAIT_TIMEOUT_PROPERTY_NAME = "tracecheck.await.timeout";

  /** Property for {@link #resourceAttributes()}, comma-separated {@code key=value} pairs. */
  String RESOURCE_ATTRIBUTES_PROPERTY_NAME = "tracecheck.resource.attributes";

  /** Property for {@link #captureStackTraces()}. */
  String CAPTURE_STACK_TRACES_PROPERTY_NAME = "tracecheck.capture.stack-traces";

  /** Property: the ended spans kept per test (default 100,000); a test that makes more fails saying so. */
  String MAX_SPANS_PROPERTY_NAME = "tracecheck.capture.max-spans";

  /** Property for {@link #gate()}: {@code fail}, {@code warn} or {@code off} for every rule. */
  String GATE_PROPERTY_NAME = "tracecheck.gate";

  /** Property: the rule names (comma-separated) whose findings fail the test. */
  String GATE_FAIL_PROPERTY_NAME = "tracecheck.gate.fail";

  /** Property: the rule names (comma-separated) whose findings are reported as warnings. */
  String GATE_WARN_PROPERTY_NAME = "tracecheck.gate.warn";

  /** Property: the rule names (comma-separated) that do not run. */
  String GATE_OFF_PROPERTY_NAME = "tracecheck.gate.off";

  /** Property: how long the gate waits after a test for spans still open to end (default 1s). */
  String GATE_AWAIT_PROPERTY_NAME = "tracecheck.gate.await";

  /** Property: whether a consumer span linking to its producer counts as connected (default true). */
  String LINKS_CONNECT_PROPERTY_NAME = "tracecheck.gate.links-connect";

  /** Property for {@link #rules()}: fully qualified class names, comma-separated. */
  String RULES_PROPERTY_NAME = "tracecheck.rules";

  /**
   * Property prefix of numbered suppressions: {@code tracecheck.suppress.1.rule}, {@code .span},
   * {@code .attribute}, {@code .reason}, then {@code tracecheck.suppress.2.rule}, ...
   */
  String SUPPRESS_PROPERTY_PREFIX = "tracecheck.suppress.";

  /** Property: built-in PII detectors turned on beyond the defaults, e.g. {@code ip-address}. */
  String PII_DETECTORS_ENABLE_PROPERTY_NAME = "tracecheck.pii.detectors.enable";

  /** Property: PII detectors turned off, by name. */
  String PII_DETECTORS_DISABLE_PROPERTY_NAME = "tracecheck.pii.detectors.disable";

  /**
   * Property: the regions (ISO 3166 codes, comma-separated) whose national phone number formats the
   * {@code phone} detector accepts, e.g. {@code US,GB,DE}; default {@code US,GB}. International
   * numbers ({@code +44 ...}) are found whatever the regions.
   */
  String PII_PHONE_REGIONS_PROPERTY_NAME = "tracecheck.pii.phone.regions";

  /** Property prefix of custom PII detectors: {@code tracecheck.pii.custom.1.name}, {@code .pattern}, {@code .description}. */
  String PII_CUSTOM_PROPERTY_PREFIX = "tracecheck.pii.custom.";

  /**
   * Property prefix of PII allowances: {@code tracecheck.pii.allow.1.detector}, {@code .attribute},
   * {@code .span}, {@code .reason}.
   */
  String PII_ALLOW_PROPERTY_PREFIX = "tracecheck.pii.allow.";

  /**
   * Property prefix of declared entry points (see {@link #entryPoints()}): {@code
   * tracecheck.entry-point.1.span} (a span-name glob) and {@code tracecheck.entry-point.1.reason}, then
   * {@code tracecheck.entry-point.2.span}, ...
   */
  String ENTRY_POINT_PROPERTY_PREFIX = "tracecheck.entry-point.";

  /** Property: which reports to write, {@code failed} (default), {@code all} or {@code off}. */
  String REPORT_MODE_PROPERTY_NAME = "tracecheck.report.mode";

  /** Property: where the reports go (default {@code target/tracecheck}). */
  String REPORT_DIR_PROPERTY_NAME = "tracecheck.report.dir";

  /** Property for {@link #receiver()}: {@code true} starts the run's OTLP receiver. */
  String RECEIVER_PROPERTY_NAME = "tracecheck.receiver";

  /** Property: the OTLP/HTTP port of the receiver; 0 (the default) is an ephemeral port, 4318 OpenTelemetry's. */
  String RECEIVER_HTTP_PORT_PROPERTY_NAME = "tracecheck.receiver.http-port";

  /** Property: the OTLP/gRPC port of the receiver; 0 (the default) is an ephemeral port, 4317 OpenTelemetry's. */
  String RECEIVER_GRPC_PORT_PROPERTY_NAME = "tracecheck.receiver.grpc-port";

  /** Property: the largest export request the receiver takes, in bytes (default 16 MiB); larger ones are refused. */
  String RECEIVER_MAX_REQUEST_BYTES_PROPERTY_NAME = "tracecheck.receiver.max-request-bytes";

  /** Property for {@link #collectorConfig()}: the Collector configuration files, comma-separated. */
  String COLLECTOR_CONFIG_PROPERTY_NAME = "tracecheck.collector.config";

  /**
   * Property: what the lint of {@link #collectorConfig()} does with findings, {@code fail} (the
   * default: every class of the run fails before its tests), {@code warn} (reported) or {@code off}.
   */
  String COLLECTOR_LINT_PROPERTY_NAME = "tracecheck.collector.lint";

  /**
   * How long the await methods of {@link CapturedTraces} wait by default, e.g. {@code "10s"},
   * {@code "500ms"} or {@code "PT2M"}. Property: {@value #AWAIT_TIMEOUT_PROPERTY_NAME}; default 10s.
   */
  String awaitTimeout() default "";

  /**
   * Resource attributes of the captured spans as {@code key=value} pairs, e.g. {@code
   * "service.name=checkout"}. Property: {@value #RESOURCE_ATTRIBUTES_PROPERTY_NAME}, comma-separated.
   * Default: {@code service.name} is the test class's simple name.
   */
  String[] resourceAttributes() default {};

  /**
   * What the gate does with findings after each test: {@code "fail"} (the default), {@code "warn"}
   * or {@code "off"}. Property: {@value #GATE_PROPERTY_NAME}. Per rule: {@link TraceCheckRule}, or the
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

  /**
   * Rules of your own that the gate runs after each test with the built-in ones: classes
   * implementing {@link io.github.tracecheck.rules.Rule} with a no-argument constructor. They are
   * configured ({@link TraceCheckRule}, {@code tracecheck.gate.*}), suppressed ({@link
   * SuppressFinding}) and reported like built-in rules. Rules registered in {@code
   * META-INF/services/io.github.tracecheck.rules.Rule} join without being listed here. Property:
   * {@value #RULES_PROPERTY_NAME}; the annotation's rules are added to the property's.
   */
  Class<? extends io.github.tracecheck.rules.Rule>[] rules() default {};

  /**
   * Root spans that start their own trace on purpose, with the reason: the {@code orphaned-root} rule
   * never flags them. Roots started on the test's own thread, servers and consumers whose caller is
   * not in the capture, consumers linking to their producers and jobs that recur on their own
   * schedule need no declaration. Property: {@value #ENTRY_POINT_PROPERTY_PREFIX}{@code N.span} and
   * {@code .reason}; the annotation's entry points are added to the properties'.
   */
  EntryPointSpan[] entryPoints() default {};

  /**
   * {@code "true"} starts an OTLP receiver for the run (OTLP/HTTP and OTLP/gRPC on 127.0.0.1), so
   * that spans exported by other processes - child JVMs, containers, services in other languages -
   * enter the same capture, attribution, awaiting and gate as the test's own spans. Tests get its
   * endpoint and the {@code OTEL_*} settings to hand a process as an {@code OtlpEndpoints}
   * parameter (asking for one starts the receiver too). Exports the receiver refuses fail the test
   * that was running. Started anyway, on the agent's endpoint, when the test JVM runs the
   * OpenTelemetry Java agent. Property: {@value #RECEIVER_PROPERTY_NAME}; ports: {@value
   * #RECEIVER_HTTP_PORT_PROPERTY_NAME}, {@value #RECEIVER_GRPC_PORT_PROPERTY_NAME}.
   */
  String receiver() default "";

  /**
   * The OpenTelemetry Collector configuration files of the deployment (agents and gateways, paths
   * relative to the working directory), linted together once per run before the class's tests: a
   * tail-sampling pipeline without {@code memory_limiter} first, agents not routing by trace id,
   * sampling memory over the limit, OTLP JSON over HTTP, redaction that lets URL tokens through. The
   * class fails with the findings and their YAML paths ({@value #COLLECTOR_LINT_PROPERTY_NAME}{@code
   * =warn} reports them instead). Needs the module {@code tracecheck-collector} on the test
   * classpath. Property: {@value #COLLECTOR_CONFIG_PROPERTY_NAME}, comma-separated; the annotation
   * wins.
   */
  String[] collectorConfig() default {};
}
