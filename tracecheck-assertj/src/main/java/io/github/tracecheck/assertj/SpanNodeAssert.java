package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.error.ShouldHave.shouldHave;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions;
import io.opentelemetry.sdk.testing.assertj.SpanDataAssert;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one span in its trace: kind, parent and children, attributes, status, events,
 * recorded exceptions and links. Every failure draws the span's trace with the span marked.
 *
 * <pre>{@code
 * assertThat(trace).span("orders process")
 *     .hasKind(SpanKind.CONSUMER)
 *     .hasParentNamed("orders publish")
 *     .hasRemoteParent()
 *     .hasAttribute("messaging.destination.name", "orders");
 * }</pre>
 *
 * <p>For anything opentelemetry-sdk-testing's {@link SpanDataAssert} already checks, continue with
 * {@link #asSpanData()}.
 */
public class SpanNodeAssert extends AbstractAssert<SpanNodeAssert, SpanNode> {

  private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
  private static final AttributeKey<String> EXCEPTION_MESSAGE =
      AttributeKey.stringKey("exception.message");

  public SpanNodeAssert(SpanNode actual) {
    super(actual, SpanNodeAssert.class);
  }

  public SpanNodeAssert hasName(String expected) {
    isNotNull();
    return check(actual.name().equals(expected), "name", quote(expected), quote(actual.name()));
  }

  public SpanNodeAssert hasKind(SpanKind expected) {
    isNotNull();
    return check(actual.kind() == expected, "kind", String.valueOf(expected), String.valueOf(actual.kind()));
  }

  /** The {@code service.name} of the process that produced the span. */
  public SpanNodeAssert hasServiceName(String expected) {
    isNotNull();
    return check(
        actual.serviceName().equals(expected), "service.name", quote(expected), quote(actual.serviceName()));
  }

  /**
   * The log records emitted while the span was current have exactly these bodies, in the order they
   * were emitted. Log records are captured by the Logs SDK of {@code @TraceCheck} (e.g. fed by
   * OpenTelemetry's Logback appender).
   */
  public SpanNodeAssert hasLogs(String... expectedBodies) {
    isNotNull();
    List<String> bodies = logBodies();
    return check(bodies.equals(List.of(expectedBodies)), "logs", String.valueOf(List.of(expectedBodies)),
        String.valueOf(bodies));
  }

  /** No log record was emitted while the span was current. */
  public SpanNodeAssert hasNoLogs() {
    isNotNull();
    List<String> bodies = logBodies();
    return check(bodies.isEmpty(), "no logs", "[]", String.valueOf(bodies));
  }

  private List<String> logBodies() {
    List<String> bodies = new ArrayList<>();
    for (LogRecordData record : actual.logRecords()) {
      bodies.add(record.getBodyValue() == null ? "" : record.getBodyValue().asString());
    }
    return bodies;
  }

  /** The span has no captured parent. */
  public SpanNodeAssert isRoot() {
    isNotNull();
    return check(actual.isRoot(), "no parent", "(a root span)", parentDescription());
  }

  public SpanNodeAssert hasParentNamed(String expectedName) {
    isNotNull();
    boolean ok = actual.parent().map(p -> p.name().equals(expectedName)).orElse(false);
    return check(ok, "parent", quote(expectedName), parentDescription());
  }

  public SpanNodeAssert hasParent(SpanNode expectedParent) {
    isNotNull();
    boolean ok = actual.parent().map(p -> p == expectedParent).orElse(false);
    return check(ok, "parent", SpanLabel.of(expectedParent), parentDescription());
  }

  /** The span is a descendant (child, grandchild, ...) of the given span. */
  public SpanNodeAssert isDescendantOf(SpanNode expectedAncestor) {
    isNotNull();
    return check(
        actual.isDescendantOf(expectedAncestor),
        "ancestor",
        SpanLabel.of(expectedAncestor),
        "not among its ancestors; parent: " + parentDescription());
  }

  /** The parent context was extracted from a carrier, i.e. it came from another process. */
  public SpanNodeAssert hasRemoteParent() {
    isNotNull();
    return check(
        actual.hasRemoteParent(),
        "a remote parent",
        "a parent context extracted from a carrier",
        actual.hasParentSpanId() ? "a local parent: " + parentDescription() : "no parent at all");
  }

  public SpanNodeAssert hasChildCount(int expected) {
    isNotNull();
    return check(
        actual.children().size() == expected,
        "number of children",
        String.valueOf(expected),
        actual.children().size() + " " + childNames());
  }

  public SpanNodeAssert hasChildNamed(String expectedName) {
    isNotNull();
    boolean ok = actual.children().stream().anyMatch(c -> c.name().equals(expectedName));
    return check(ok, "a child named", quote(expectedName), "children " + childNames());
  }

  /** The attribute exists and equals the value. */
  public <T> SpanNodeAssert hasAttribute(AttributeKey<T> key, T expected) {
    isNotNull();
    T value = actual.attribute(key);
    return check(
        Objects.equals(value, expected),
        "attribute " + key.getKey(),
        String.valueOf(expected),
        value == null ? "(no such attribute)" : String.valueOf(value));
  }

  /**
   * The attribute of this name exists and its value, of any type, equals or prints as {@code
   * expected}: {@code hasAttribute("http.response.status_code", 200)} passes for the long 200.
   */
  public SpanNodeAssert hasAttribute(String key, Object expected) {
    isNotNull();
    Object value = AttributeValues.find(actual.data().getAttributes(), key);
    return check(
        AttributeValues.matches(actual, key, expected),
        "attribute " + key,
        String.valueOf(expected),
        value == null ? "(no such attribute)" : String.valueOf(value));
  }

  /** An attribute of this name exists, whatever its value. */
  public SpanNodeAssert hasAttribute(String key) {
    isNotNull();
    return check(
        AttributeValues.find(actual.data().getAttributes(), key) != null,
        "attribute",
        key,
        "attributes " + actual.data().getAttributes().asMap().keySet().stream().map(AttributeKey::getKey).sorted().toList());
  }

  /**
   * The attribute is present, but none of the default PII detectors finds anything in it: it was
   * redacted (or hashed) before export. For credential headers, whose every value is sensitive, the
   * value must be a redaction marker such as {@code REDACTED} or {@code ****}.
   */
  public SpanNodeAssert hasRedactedAttribute(String key) {
    isNotNull();
    Object value = AttributeValues.find(actual.data().getAttributes(), key);
    if (value == null) {
      return check(false, "attribute (redacted)", key, "(no such attribute)");
    }
    String text = String.valueOf(value);
    for (PiiDetector detector : Detectors.defaults()) {
      List<PiiMatch> found = detector.find(text);
      boolean wholeValue = detector.flagsKey(key) && !Detectors.isRedactionMarker(text);
      if (!found.isEmpty() || wholeValue) {
        String shown =
            wholeValue
                ? detector.mask(text)
                : detector.mask(text.substring(found.get(0).start(), found.get(0).end()));
        return check(
            false,
            "attribute " + key + " redacted",
            "(no value any PII detector finds)",
            detector.description() + " [" + detector.name() + "]: " + shown);
      }
    }
    return myself;
  }

  public SpanNodeAssert doesNotHaveAttribute(String key) {
    isNotNull();
    Object value = AttributeValues.find(actual.data().getAttributes(), key);
    return check(value == null, "no attribute", key, key + "=" + value);
  }

  public SpanNodeAssert hasStatus(StatusCode expected) {
    isNotNull();
    StatusCode code = actual.data().getStatus().getStatusCode();
    return check(code == expected, "status", String.valueOf(expected), String.valueOf(code));
  }

  public SpanNodeAssert hasStatusDescription(String expected) {
    isNotNull();
    String description = actual.data().getStatus().getDescription();
    return check(description.equals(expected), "status description", quote(expected), quote(description));
  }

  public SpanNodeAssert hasEventNamed(String expectedName) {
    isNotNull();
    boolean ok = actual.data().getEvents().stream().anyMatch(e -> e.getName().equals(expectedName));
    return check(ok, "an event named", quote(expectedName), "events " + eventNames());
  }

  /** An {@code exception} event of this type was recorded (see {@code Span.recordException}). */
  public SpanNodeAssert hasException(Class<? extends Throwable> type) {
    isNotNull();
    return hasExceptionOfType(type.getName());
  }

  /** An {@code exception} event whose {@code exception.type} is this name was recorded. */
  public SpanNodeAssert hasExceptionOfType(String typeName) {
    isNotNull();
    boolean ok = exceptionEvents().stream().anyMatch(e -> typeName.equals(e.getAttributes().get(EXCEPTION_TYPE)));
    return check(ok, "a recorded exception of type", typeName, exceptionDescription());
  }

  /** An {@code exception} event with this {@code exception.message} was recorded. */
  public SpanNodeAssert hasExceptionWithMessage(String message) {
    isNotNull();
    boolean ok =
        exceptionEvents().stream().anyMatch(e -> message.equals(e.getAttributes().get(EXCEPTION_MESSAGE)));
    return check(ok, "a recorded exception with message", quote(message), exceptionDescription());
  }

  public SpanNodeAssert hasLinkCount(int expected) {
    isNotNull();
    int count = actual.links().size();
    return check(count == expected, "number of links", String.valueOf(expected), String.valueOf(count));
  }

  /** The span links to the given span (as a messaging process span links to each message's producer). */
  public SpanNodeAssert hasLinkTo(SpanNode target) {
    isNotNull();
    boolean ok =
        actual.links().stream()
            .map(LinkData::getSpanContext)
            .anyMatch(
                c -> c.getTraceId().equals(target.traceId()) && c.getSpanId().equals(target.spanId()));
    List<String> links = new ArrayList<>();
    for (LinkData link : actual.links()) {
      links.add(link.getSpanContext().getTraceId() + "/" + link.getSpanContext().getSpanId());
    }
    return check(
        ok,
        "a link to",
        SpanLabel.of(target) + " (" + target.traceId() + "/" + target.spanId() + ")",
        "links " + links);
  }

  /** Continues with the parent span; fails when the span is a root. */
  public SpanNodeAssert parent() {
    isNotNull();
    if (actual.parent().isEmpty()) {
      check(false, "a parent", "(any captured span)", parentDescription());
    }
    return new SpanNodeAssert(actual.parent().orElseThrow());
  }

  /** Continues with the child of this name; fails unless exactly one child has it. */
  public SpanNodeAssert child(String name) {
    isNotNull();
    List<SpanNode> found = actual.children().stream().filter(c -> c.name().equals(name)).toList();
    if (found.size() != 1) {
      check(false, "exactly one child named", quote(name), found.size() + " among children " + childNames());
    }
    return new SpanNodeAssert(found.get(0));
  }

  /** Checks the child of this name with the given requirements; works inside soft assertions. */
  public SpanNodeAssert hasChildSatisfying(String name, Consumer<SpanNodeAssert> requirements) {
    requirements.accept(child(name));
    return myself;
  }

  /** Continues with opentelemetry-sdk-testing's assertion on the underlying {@code SpanData}. */
  public SpanDataAssert asSpanData() {
    isNotNull();
    return OpenTelemetryAssertions.assertThat(actual.data());
  }

  /** Checks the underlying {@code SpanData} with opentelemetry-sdk-testing's assertion. */
  public SpanNodeAssert satisfiesSpanData(Consumer<SpanDataAssert> requirements) {
    requirements.accept(asSpanData());
    return myself;
  }

  private SpanNodeAssert check(boolean ok, String property, String expected, String found) {
    isNotNull();
    if (!ok) {
      throwAssertionError(
          shouldHave(
              "span " + SpanLabel.of(actual),
              property,
              expected,
              found,
              TraceTreeRenderer.create().render(actual.trace(), Set.of(actual))));
    }
    return myself;
  }

  private String parentDescription() {
    if (actual.parent().isPresent()) {
      return SpanLabel.of(actual.parent().get());
    }
    if (actual.hasMissingParent()) {
      return "(parent " + actual.data().getParentSpanId() + " was not captured)";
    }
    return "(no parent: a root span)";
  }

  private List<String> childNames() {
    return actual.children().stream().map(c -> quote(c.name())).toList();
  }

  private List<String> eventNames() {
    return actual.data().getEvents().stream().map(e -> quote(e.getName())).toList();
  }

  private List<EventData> exceptionEvents() {
    return actual.data().getEvents().stream().filter(e -> e.getName().equals("exception")).toList();
  }

  private String exceptionDescription() {
    List<String> found = new ArrayList<>();
    for (EventData event : exceptionEvents()) {
      found.add(event.getAttributes().get(EXCEPTION_TYPE) + ": " + event.getAttributes().get(EXCEPTION_MESSAGE));
    }
    return found.isEmpty() ? "(no exception recorded)" : "exceptions " + found;
  }

  static String quote(String text) {
    return "\"" + text + "\"";
  }
}
