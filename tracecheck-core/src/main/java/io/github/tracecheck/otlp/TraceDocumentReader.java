package io.github.tracecheck.otlp;

import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one {@code ExportTraceServiceRequest} document - resource spans, scope spans, spans with
 * their events, links and status - from the cursor, in the order its fields come: a span is
 * completed with its resource and scope once both have been read, wherever they stand.
 */
final class TraceDocumentReader {

  private final JsonCursor json;
  private final AttributeListReader attributes;
  private final SpanReader spans;
  private final SharedValues shared;
  /** The paths below it are this reader's, moved from field to field ({@link JsonPath}). */
  private final JsonPath root = JsonPath.root();

  /**
   * @param shared the keys, resources and scopes shared by the documents of one stream, which one
   *     reader reads one document after the other
   */
  TraceDocumentReader(JsonCursor json, SharedValues shared) {
    this.json = json;
    this.shared = shared;
    this.attributes = new AttributeListReader(json, shared);
    this.spans = new SpanReader(json, shared, attributes);
  }

  /** Reads the document the cursor is on and hands each of its spans to {@code out}, in order. */
  void read(Consumer<SpanData> out) throws IOException, OtlpFormatException {
    if (json.token() != JsonToken.START_OBJECT) {
      throw json.error(root, "expected an object with \"resourceSpans\", found " + json.kindOfValue());
    }
    long start = json.start();
    boolean[] found = new boolean[1];
    json.object(root, (name, path) -> {
      if (name.equals("resourceSpans")) {
        found[0] = true;
        json.array(path, element -> resourceSpans(element, out));
      }
    });
    if (!found[0]) {
      throw json.error(root, "has no \"resourceSpans\" array: not an OTLP JSON trace document", start);
    }
  }

  /**
   * Spans are handed on as soon as their resource and scope are known - at once when those come
   * first, as every exporter writes them - so that a large document is not held; spans that come
   * before them wait.
   */
  private void resourceSpans(JsonPath path, Consumer<SpanData> out) throws IOException, OtlpFormatException {
    Resource[] resource = {null};
    List<ScopeSpans> waiting = new ArrayList<>();
    json.object(path, (name, field) -> {
      if (name.equals("resource")) {
        Attributes[] read = {Attributes.empty()};
        json.object(field, (n, f) -> {
          if (n.equals("attributes")) {
            read[0] = attributes.read(f);
          }
        });
        resource[0] = shared.resource(read[0]);
        for (ScopeSpans scope : waiting) {
          scope.handOn(resource[0], out);
        }
        waiting.clear();
      } else if (name.equals("scopeSpans")) {
        json.array(field, element -> {
          ScopeSpans scope = scopeSpans(element, resource[0], out);
          if (resource[0] == null) {
            waiting.add(scope);
          }
        });
      }
    });
    for (ScopeSpans scope : waiting) {
      scope.handOn(Resource.create(Attributes.empty()), out);
    }
  }

  /** The spans of one instrumentation scope that wait for their scope or resource. */
  private static final class ScopeSpans {
    InstrumentationScopeInfo scope;
    final List<SpanFields> waiting = new ArrayList<>();

    void handOn(Resource resource, Consumer<SpanData> out) {
      for (SpanFields span : waiting) {
        out.accept(span.toSpanData(resource, scope));
      }
      waiting.clear();
    }
  }

  /** Reads one scopeSpans; with {@code resource} known, its spans are handed on, else kept in the result. */
  private ScopeSpans scopeSpans(JsonPath path, Resource resource, Consumer<SpanData> out)
      throws IOException, OtlpFormatException {
    ScopeSpans scopeSpans = new ScopeSpans();
    json.object(path, (name, field) -> {
      if (name.equals("scope")) {
        scopeSpans.scope = scope(field);
      } else if (name.equals("spans")) {
        json.array(field, element -> {
          SpanFields span = spans.read(element);
          if (resource != null && scopeSpans.scope != null) {
            out.accept(span.toSpanData(resource, scopeSpans.scope));
          } else {
            scopeSpans.waiting.add(span.copy()); // the reader reads the next span into its own
          }
        });
      }
    });
    if (scopeSpans.scope == null) {
      scopeSpans.scope = InstrumentationScopeInfo.empty();
    }
    if (resource != null) {
      scopeSpans.handOn(resource, out);
    }
    return scopeSpans;
  }

  private InstrumentationScopeInfo scope(JsonPath path) throws IOException, OtlpFormatException {
    String[] nameAndVersion = new String[2];
    json.object(path, (name, field) -> {
      if (name.equals("name")) {
        nameAndVersion[0] = json.text(field);
      } else if (name.equals("version")) {
        nameAndVersion[1] = json.text(field);
      }
    });
    return nameAndVersion[0] == null
        ? InstrumentationScopeInfo.empty()
        : shared.scope(InstrumentationScopeInfo.builder(nameAndVersion[0]).setVersion(nameAndVersion[1]).build());
  }
}
