package io.github.tracecheck.rules;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds personal data and secrets in telemetry: span names, attribute keys and values (strings and
 * string arrays) of spans, events and links, and resource attributes, including captured HTTP
 * headers and URLs. The finding shows the detector, where the value is and its masked form; never
 * the value itself.
 */
public final class PiiRule implements Rule {

  public static final String NAME = "pii";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "personal data or a secret in a span name, attribute key or value", RuleMode.FAIL);

  /** Texts whose scan is kept for their next occurrence; past it, a text is scanned each time. */
  private static final int MAX_SCANNED_TEXTS = 100_000;

  /** What one detector found in a text, masked. */
  private record Detection(PiiDetector detector, String masked) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    Set<Resource> scannedResources = Collections.newSetFromMap(new IdentityHashMap<>());
    // Telemetry repeats itself (methods, routes, hosts): each distinct text is scanned once, by every
    // detector in that one visit, and what they found is reused for its other occurrences.
    Map<String, List<Detection>> scanned = new HashMap<>();
    Map<String, Optional<PiiDetector>> keyDetectors = new HashMap<>();
    for (Trace trace : forest.traces()) {
      for (SpanNode span : trace.spans()) {
        Scan scan = new Scan(span, options, findings, scanned, keyDetectors);
        scan.text("span name", null, false, span.name());
        scan.attributes("attribute", span.data().getAttributes());
        for (EventData event : span.data().getEvents()) {
          // The event's name is masked with the rest of the location, and only if there is a finding.
          scan.attributes("event \"" + event.getName() + "\" attribute", event.getAttributes());
        }
        for (LinkData link : span.data().getLinks()) {
          scan.attributes("link attribute", link.getAttributes());
        }
        if (scannedResources.add(span.data().getResource())) {
          scan.attributes("resource attribute", span.data().getResource().getAttributes());
        }
      }
    }
    return findings;
  }

  /**
   * Scans the texts of one span, adding a finding per detection that is not allowed. Where a text
   * was found is only spelled out when there is a finding: most texts have none.
   */
  private static final class Scan {
    private final SpanNode span;
    private final RuleOptions options;
    private final List<Finding> findings;
    private final Map<String, List<Detection>> scanned;
    private final Map<String, Optional<PiiDetector>> keyDetectors;

    Scan(SpanNode span, RuleOptions options, List<Finding> findings, Map<String, List<Detection>> scanned,
        Map<String, Optional<PiiDetector>> keyDetectors) {
      this.span = span;
      this.options = options;
      this.findings = findings;
      this.scanned = scanned;
      this.keyDetectors = keyDetectors;
    }

    void attributes(String scope, Attributes attributes) {
      attributes.forEach((attributeKey, value) -> {
        String key = attributeKey.getKey();
        text(scope, key, true, key);
        if (value instanceof String) {
          value(scope, key, (String) value);
        } else if (value instanceof List) {
          for (Object element : (List<?>) value) {
            if (element instanceof String) {
              value(scope, key, (String) element);
            }
          }
        }
      });
    }

    private void value(String scope, String key, String value) {
      Optional<PiiDetector> keyDetector =
          keyDetectors.computeIfAbsent(key, k -> options.piiDetectors().stream().filter(d -> d.flagsKey(k)).findFirst());
      if (keyDetector.isPresent()) {
        PiiDetector detector = keyDetector.get();
        if (!value.isEmpty() && !Detectors.isRedactionMarker(value) && !allowed(detector.name(), key)) {
          report(detector, location(scope, key, false), detector.mask(value));
          return; // the whole value is the credential: one finding is enough
        }
      }
      text(scope, key, false, value);
    }

    /**
     * @param scope "span name", "attribute", "resource attribute", ...
     * @param inKey whether the text is the attribute's key rather than its value
     */
    void text(String scope, String key, boolean inKey, String text) {
      List<Detection> detections = scanned.get(text);
      if (detections == null) {
        detections = scanOnce(text);
        if (scanned.size() < MAX_SCANNED_TEXTS) {
          scanned.put(text, detections);
        }
      }
      for (Detection detection : detections) {
        if (!allowed(detection.detector().name(), key)) {
          report(detection.detector(), location(scope, key, inKey), detection.masked());
        }
      }
    }

    /** Every detector's matches in the text, masked; empty for the many texts with none. */
    private List<Detection> scanOnce(String text) {
      List<Detection> detections = List.of();
      for (PiiDetector detector : options.piiDetectors()) {
        for (PiiMatch match : detector.find(text)) {
          if (detections.isEmpty()) {
            detections = new ArrayList<>(2);
          }
          detections.add(new Detection(detector, detector.mask(text.substring(match.start(), match.end()))));
        }
      }
      return detections;
    }

    private static String location(String scope, String key, boolean inKey) {
      if (key == null) {
        return Masking.redact(scope);
      }
      return Masking.redact(inKey ? scope + " key" : scope + " \"" + key + "\"");
    }

    private boolean allowed(String detector, String key) {
      for (PiiAllowance allowance : options.piiAllowances()) {
        if (allowance.allows(detector, key, span.name())) {
          return true;
        }
      }
      return false;
    }

    private void report(PiiDetector detector, String where, String masked) {
      findings.add(
          Finding.about(
              NAME,
              span,
              List.of(),
              "span " + describe(span) + " has " + detector.description() + " [" + detector.name() + "] in "
                  + where + ": " + masked,
              detector.isCredential()
                  ? "credentials must never be recorded: stop capturing this header or parameter, or redact it"
                      + " before export (e.g. in the Collector)"
                  : "the instrumentation records user data: drop or hash the attribute, or redact it before export"
                      + " (e.g. in the Collector)"));
    }
  }
}
