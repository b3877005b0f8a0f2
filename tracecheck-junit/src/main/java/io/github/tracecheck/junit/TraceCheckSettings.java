package io.github.tracecheck.junit;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.rules.EntryPoint;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one test class: the {@link TraceCheck} annotation wins over {@code
 * junit-platform.properties} keys under {@code tracecheck.}, which win over the defaults. A value
 * that cannot be understood is a configuration error naming the key; it is never ignored.
 */
final class TraceCheckSettings {

  static final String AWAIT_TIMEOUT = TraceCheck.AWAIT_TIMEOUT_PROPERTY_NAME;
  static final String RESOURCE_ATTRIBUTES = TraceCheck.RESOURCE_ATTRIBUTES_PROPERTY_NAME;
  static final String CAPTURE_STACK_TRACES = TraceCheck.CAPTURE_STACK_TRACES_PROPERTY_NAME;
  static final String GATE_AWAIT = TraceCheck.GATE_AWAIT_PROPERTY_NAME;
  static final String LINKS_CONNECT = TraceCheck.LINKS_CONNECT_PROPERTY_NAME;
  static final String MAX_SPANS = TraceCheck.MAX_SPANS_PROPERTY_NAME;
  static final Duration DEFAULT_AWAIT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration DEFAULT_GATE_AWAIT = Duration.ofSeconds(1);

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  private final Duration awaitTimeout;
  private final Attributes resourceAttributes;
  private final boolean captureStackTraces;
  private final Duration gateAwait;
  private final boolean linksConnect;
  private final GateSettings gate;
  private final PiiSettings pii;
  private final int maxSpans;
  private final List<EntryPoint> entryPoints;

  private TraceCheckSettings(
      Duration awaitTimeout,
      Attributes resourceAttributes,
      boolean captureStackTraces,
      Duration gateAwait,
      boolean linksConnect,
      GateSettings gate,
      PiiSettings pii,
      int maxSpans,
      List<EntryPoint> entryPoints) {
    this.awaitTimeout = awaitTimeout;
    this.resourceAttributes = resourceAttributes;
    this.captureStackTraces = captureStackTraces;
    this.gateAwait = gateAwait;
    this.linksConnect = linksConnect;
    this.gate = gate;
    this.pii = pii;
    this.maxSpans = maxSpans;
    this.entryPoints = entryPoints;
  }

  /**
   * Reads the settings.
   *
   * @param annotation the class's annotation, or null when the extension was registered without it
   * @param properties looks a configuration parameter up, e.g. {@code
   *     ExtensionContext::getConfigurationParameter}
   * @param testClass the test class: its simple name is the default service name, its class loader
   *     finds the user's rules
   */
  static TraceCheckSettings read(TraceCheck annotation, PropertySource properties, Class<?> testClass) {
    String defaultServiceName = testClass.getSimpleName();
    String timeoutText =
        annotation != null && !annotation.awaitTimeout().isEmpty()
            ? annotation.awaitTimeout()
            : properties.get(AWAIT_TIMEOUT).orElse(null);
    Duration timeout =
        timeoutText == null ? DEFAULT_AWAIT_TIMEOUT : parseDuration(AWAIT_TIMEOUT, timeoutText);

    List<String> pairs =
        annotation != null && annotation.resourceAttributes().length > 0
            ? Arrays.asList(annotation.resourceAttributes())
            : properties.list(RESOURCE_ATTRIBUTES);
    AttributesBuilder attributes = Attributes.builder().put("service.name", defaultServiceName);
    for (String pair : pairs) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new ExtensionConfigurationException(
            RESOURCE_ATTRIBUTES + ": '" + pair.strip() + "' is not a key=value pair");
      }
      attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    String stacks =
        annotation != null && !annotation.captureStackTraces().isEmpty()
            ? annotation.captureStackTraces()
            : properties.get(CAPTURE_STACK_TRACES).orElse("false");
    Duration gateAwait =
        properties.get(GATE_AWAIT).map(v -> parseDuration(GATE_AWAIT, v)).orElse(DEFAULT_GATE_AWAIT);
    boolean linksConnect =
        parseBoolean(LINKS_CONNECT, properties.get(LINKS_CONNECT).orElse("true"));
    return new TraceCheckSettings(
        timeout,
        attributes.build(),
        parseBoolean(CAPTURE_STACK_TRACES, stacks),
        gateAwait,
        linksConnect,
        GateSettings.read(annotation, properties, RuleSettings.read(annotation, properties, classLoader(testClass))),
        PiiSettings.read(annotation, properties),
        parsePositive(MAX_SPANS, properties.get(MAX_SPANS).orElse(String.valueOf(SpanCapture.DEFAULT_MAX_SPANS))),
        EntryPointSettings.read(annotation, properties));
  }

  private static ClassLoader classLoader(Class<?> testClass) {
    ClassLoader loader = testClass.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  static int parsePositive(String key, String text) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(key + ": '" + text + "' is not a positive whole number");
  }

  static boolean parseBoolean(String key, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ExtensionConfigurationException(key + ": '" + text + "' is not true or false");
  }

  /** Parses "500ms", "10s", "2m" or an ISO-8601 duration such as "PT10S". */
  static Duration parseDuration(String key, String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher simple = SIMPLE_DURATION.matcher(value);
    Duration duration;
    try {
      if (simple.matches()) {
        long amount = Long.parseLong(simple.group(1));
        switch (simple.group(2)) {
          case "ms":
            duration = Duration.ofMillis(amount);
            break;
          case "s":
            duration = Duration.ofSeconds(amount);
            break;
          default:
            duration = Duration.ofMinutes(amount);
        }
      } else {
        duration = Duration.parse(text.strip());
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new ExtensionConfigurationException(
          key + ": '" + text + "' is not a duration; use e.g. 500ms, 10s, 2m or PT10S", e);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new ExtensionConfigurationException(key + ": '" + text + "' must be positive");
    }
    return duration;
  }

  Duration awaitTimeout() {
    return awaitTimeout;
  }

  Attributes resourceAttributes() {
    return resourceAttributes;
  }

  boolean captureStackTraces() {
    return captureStackTraces;
  }

  /** How long the gate waits, after a test, for spans still open to end. */
  Duration gateAwait() {
    return gateAwait;
  }

  boolean linksConnect() {
    return linksConnect;
  }

  /** The gate settings from properties and the class annotation, before method annotations. */
  GateSettings gate() {
    return gate;
  }

  /** The PII detectors and the allowances from properties, before class and method annotations. */
  PiiSettings pii() {
    return pii;
  }

  /** The roots the user declared legitimate, from properties and the annotation. */
  List<EntryPoint> entryPoints() {
    return entryPoints;
  }

  /** The spans kept per test before the test fails for exceeding the bound. */
  int maxSpans() {
    return maxSpans;
  }
}
