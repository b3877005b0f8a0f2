package io.github.tracecheck.collector;

import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A traces pipeline whose {@code transform} or {@code redaction} processors let tokens in URLs
 * through: spans made with the SDK carry credentials in {@code url.query}, {@code http.target} and
 * {@code url.full} (an access token, a JWT, an API key, an email in a reset link), go through the
 * pipeline's processors, and whatever tracecheck's PII detectors still find is a finding.
 * Pipelines without either processor are not checked here (no rule to judge).
 */
final class UrlTokenRedactionCheck extends PipelineCheck {

  static final String NAME = "url-tokens-survive";

  /** The attributes checked, in this order, each with a value carrying credentials (all invented). */
  static final Map<String, String> SAMPLES = samples(
      "url.query", "access_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXZhbHVl&page=2",
      "http.target", "/password/reset?email=jane.doe@example.com&api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc",
      "url.full", "https://shop.example.com/orders?token=s3cr3t-t0ken-value&page=2");

  /** The spans carrying the samples, made once: they are only read. */
  private static final List<SpanData> SAMPLE_SPANS = sampleSpans();

  private static final Set<String> REDACTING = Set.of("transform", "redaction");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void check(CollectorFile file, ConfigNode pipeline, LintResult.Builder result) {
    boolean redacts = pipeline.get("processors").elements().stream()
        .anyMatch(id -> REDACTING.contains(CollectorFile.type(id.string())));
    if (!redacts) {
      return;
    }
    String id = CollectorFile.pipelineId(pipeline);
    List<SpanData> exported;
    try {
      exported = CollectorPipeline.of(file.root(), id).apply(SAMPLE_SPANS);
    } catch (CollectorConfigException e) {
      result.notChecked(file.name() + ": pipeline " + id + " for " + NAME + ": " + e.getMessage());
      return;
    }
    for (SpanData span : exported) {
      for (String key : SAMPLES.keySet()) {
        String value = span.getAttributes().get(AttributeKey.stringKey(key));
        Set<String> found = value == null ? Set.of() : detectorsFinding(value);
        if (!found.isEmpty()) {
          result.add(NAME, file, pipeline.get("processors").path(), "a credential in " + key + " survives"
              + " pipeline " + id + " (" + String.join(", ", found) + "): \"" + Masking.redact(value) + "\";"
              + " redact the query string's values, e.g. replace_pattern on " + key);
        }
      }
    }
  }

  private static Map<String, String> samples(String... keysAndValues) {
    Map<String, String> samples = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      samples.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(samples);
  }

  private static Set<String> detectorsFinding(String value) {
    Set<String> names = new LinkedHashSet<>();
    for (PiiDetector detector : Detectors.defaults()) {
      List<PiiMatch> matches = detector.find(value);
      if (!matches.isEmpty()) {
        names.add(detector.name());
      }
    }
    return names;
  }

  /** One SERVER span with every sample, made by the SDK (so it is a span as the Collector gets it). */
  private static List<SpanData> sampleSpans() {
    List<SpanData> ended = new ArrayList<>();
    SpanProcessor collect = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {}

      @Override
      public boolean isStartRequired() {
        return false;
      }

      @Override
      public void onEnd(ReadableSpan span) {
        ended.add(span.toSpanData());
      }

      @Override
      public boolean isEndRequired() {
        return true;
      }
    };
    try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(collect).build()) {
      io.opentelemetry.api.trace.Span span = provider.get("tracecheck-collector-lint")
          .spanBuilder("GET /password/reset").setSpanKind(SpanKind.SERVER).startSpan();
      SAMPLES.forEach(span::setAttribute);
      span.end();
    }
    return List.copyOf(ended);
  }
}
