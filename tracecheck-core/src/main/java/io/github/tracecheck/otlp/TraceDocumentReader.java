package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads one {@code ExportTraceServiceRequest} document after the other - resource spans, scope
 * spans, spans ({@link SpanReader}) - from the cursor, in the order its fields come: a span is
 * completed with its resource and scope once both have been read, wherever they stand.
 *
 * <p>What it is reading (the document's consumer, the resource, the scope) is kept in fields used
 * again for each, and the cursor's callbacks are bound once: JSON lines hold a document of a few
 * spans per line, and a resource and a scope for every few spans.
 */
final class TraceDocumentReader {

  private final JsonCursor json;
  private final AttributeListReader attributes;
  private final SpanReader spans;
  private final SharedValues shared;
  /** The paths below it are this reader's, moved from field to field ({@link JsonPath}). */
  private final JsonPath root = JsonPath.root();
  private final RecentSpanContexts contexts = new RecentSpanContexts();
  private final JsonCursor.FieldReader readDocumentField = this::documentField;
  private final JsonCursor.ElementReader readResourceSpans = this::resourceSpans;
  private final JsonCursor.FieldReader readResourceSpansField = this::resourceSpansField;
  private final JsonCursor.FieldReader readResourceField = this::resourceField;
  private final JsonCursor.ElementReader readScopeSpans = this::scopeSpans;
  private final JsonCursor.FieldReader readScopeSpansField = this::scopeSpansField;
  private final JsonCursor.FieldReader readScopeField = this::scopeField;
  private final JsonCursor.ElementReader readSpan = this::span;

  /** The document being read: where its spans go, and whether it has its resourceSpans. */
  private Consumer<SpanData> out;
  private boolean foundResourceSpans;

  /** The resourceSpans being read: its resource once read, and its scopes whose spans wait for it. */
  private Resource resource;
  private Attributes resourceAttributes;
  private final List<ScopeSpans> waitingScopes = new ArrayList<>();

  /** The scopeSpans being read: its scope once read, and its spans that came before it, if any. */
  private InstrumentationScopeInfo scope;
  private List<SpanFields> waitingSpans;

  /** The scope being read, and the last one made: a stream repeats its scopes. */
  private String scopeName;
  private String scopeVersion;
  private InstrumentationScopeInfo lastScope;

  /**
   * @param shared the keys, resources and scopes shared by the documents of one stream, which one
   *     reader reads one document after the other
   */
  TraceDocumentReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
    this.attributes = new AttributeListReader(json, shared);
    this.spans = new SpanReader(json, shared, attributes, contexts);
  }

  /** Reads the document the cursor is on and hands each of its spans to {@code out}, in order. */
  void read(Consumer<SpanData> out) throws IOException, OtlpFormatException {
    if (json.token() != JsonToken.START_OBJECT) {
      throw json.error(root, "expected an object with \"resourceSpans\", found " + json.kindOfValue());
    }
    long start = json.start();
    this.out = out;
    foundResourceSpans = false;
    json.object(root, readDocumentField);
    if (!foundResourceSpans) {
      throw json.error(root, "has no \"resourceSpans\" array: not an OTLP JSON trace document", start);
    }
  }

  private void documentField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("resourceSpans")) {
      foundResourceSpans = true;
      json.array(field, readResourceSpans);
    }
  }

  /**
   * Spans are handed on as soon as their resource and scope are known - at once when those come
   * first, as every exporter writes them - so that a large document is not held; spans that come
   * before them wait.
   */
  private void resourceSpans(JsonPath path) throws IOException, OtlpFormatException {
    resource = null;
    waitingScopes.clear();
    json.object(path, readResourceSpansField);
    if (!waitingScopes.isEmpty()) {
      handOnWaitingScopes(Resource.create(Attributes.empty()));
    }
  }

  private void resourceSpansField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("resource")) {
      resourceAttributes = Attributes.empty();
      json.object(field, readResourceField);
      resource = shared.resource(resourceAttributes);
      handOnWaitingScopes(resource);
    } else if (name.equals("scopeSpans")) {
      json.array(field, readScopeSpans);
    }
  }

  private void resourceField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("attributes")) {
      resourceAttributes = attributes.read(field);
    }
  }

  private void handOnWaitingScopes(Resource with) {
    for (int i = 0; i < waitingScopes.size(); i++) {
      handOn(waitingScopes.get(i).spans(), with, waitingScopes.get(i).scope());
    }
    waitingScopes.clear();
  }

  private void handOn(List<SpanFields> waiting, Resource with, InstrumentationScopeInfo of) {
    for (int i = 0; i < waiting.size(); i++) {
      out.accept(waiting.get(i).toSpanData(with, of, contexts));
    }
  }

  /** The spans of one instrumentation scope that wait for their resource. */
  private record ScopeSpans(InstrumentationScopeInfo scope, List<SpanFields> spans) {}

  /** Reads one scopeSpans; with the resource known, its spans are handed on, else kept until it is. */
  private void scopeSpans(JsonPath path) throws IOException, OtlpFormatException {
    scope = null;
    waitingSpans = null;
    json.object(path, readScopeSpansField);
    if (scope == null) {
      scope = InstrumentationScopeInfo.empty();
    }
    List<SpanFields> waiting = waitingSpans == null ? List.of() : waitingSpans;
    if (resource != null) {
      handOn(waiting, resource, scope);
    } else {
      waitingScopes.add(new ScopeSpans(scope, waiting));
    }
  }

  private void scopeSpansField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("scope")) {
      scope = scope(field);
    } else if (name.equals("spans")) {
      json.array(field, readSpan);
    }
  }

  private void span(JsonPath path) throws IOException, OtlpFormatException {
    SpanFields span = spans.read(path);
    if (resource != null && scope != null) {
      out.accept(span.toSpanData(resource, scope, contexts));
    } else {
      if (waitingSpans == null) {
        waitingSpans = new ArrayList<>();
      }
      waitingSpans.add(span.copy()); // the reader reads the next span into its own
    }
  }

  private InstrumentationScopeInfo scope(JsonPath path) throws IOException, OtlpFormatException {
    scopeName = null;
    scopeVersion = null;
    json.object(path, readScopeField);
    if (scopeName == null) {
      return InstrumentationScopeInfo.empty();
    }
    if (lastScope == null || !lastScope.getName().equals(scopeName) || !Objects.equals(lastScope.getVersion(), scopeVersion)) {
      lastScope = shared.scope(InstrumentationScopeInfo.builder(scopeName).setVersion(scopeVersion).build());
    }
    return lastScope;
  }

  private void scopeField(String name, JsonPath field) throws IOException, OtlpFormatException {
    if (name.equals("name")) {
      scopeName = json.text(field, shared);
    } else if (name.equals("version")) {
      scopeVersion = json.text(field, shared);
    }
  }
}
