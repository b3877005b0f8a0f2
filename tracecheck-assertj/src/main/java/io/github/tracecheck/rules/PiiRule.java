package io.github.tracecheck.rules;

import static io.github.tracecheck.rules.SpanAttributes.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds personal data and secrets in telemetry: span names, attribute keys and values (strings and
 * string arrays) of spans, events and links, and resource attributes, including captured HTTP
 * headers and URLs. The finding shows the detector, where the value is and its masked form; never
 * the value itself.
 */
public final class PiiRule implements Rule {

  public static final String NAME = "pii";

  private static final int MAX_CLEAN_TEXTS = 100_000;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Finding> check(TraceForest forest, RuleOptions options) {
    List<Finding> findings = new ArrayList<>();
    Set<Resource> scannedResources = Collections.newSetFromMap(new IdentityHashMap<>());
    // Telemetry repeats itself (methods, routes, hosts): a text no detector matched is not scanned again.
    Set<String> clean = new HashSet<>();
    for (Trace trace : forest.traces()) {
      for (SpanNode span : trace.spans()) {
        Scan scan = new Scan(span, options, findings, clean);
        scan.text("span name", null, span.name());
        scan.attributes("attribute", span.data().getAttributes());
        for (EventData event : span.data().getEvents()) {
          scan.attributes("event \"" + Masking.redact(event.getName()) + "\" attribute", event.getAttributes());
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

  /** Scans the texts of one span, adding a finding per detection that is not allowed. */
  private static final class Scan {
    private final SpanNode span;
    private final RuleOptions options;
    private final List<Finding> findings;
    private final Set<String> clean;

    Scan(SpanNode span, RuleOptions options, List<Finding> findings, Set<String> clean) {
      this.span = span;
      this.options = options;
      this.findings = findings;
      this.clean = clean;
    }

    void attributes(String where, Attributes attributes) {
      for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
        String key = entry.getKey().getKey();
        text(where + " key", key, key);
        Object value = entry.getValue();
        if (value instanceof String) {
          value(where, key, (String) value);
        } else if (value instanceof List) {
          for (Object element : (List<?>) value) {
            if (element instanceof String) {
              value(where, key, (String) element);
            }
          }
        }
      }
    }

    private void value(String where, String key, String value) {
      for (PiiDetector detector : options.piiDetectors()) {
        if (detector.flagsKey(key)
            && !Detectors.isRedactionMarker(value)
            && !value.isEmpty()
            && !allowed(detector.name(), key)) {
          report(detector, where + " \"" + key + "\"", key, Masking.mask(detector.name(), value));
          return; // the whole value is the credential: one finding is enough
        }
      }
      text(where + " \"" + key + "\"", key, value);
    }

    void text(String where, String key, String text) {
      if (clean.contains(text)) {
        return;
      }
      boolean found = false;
      for (PiiDetector detector : options.piiDetectors()) {
        for (PiiMatch match : detector.find(text)) {
          found = true;
          if (!allowed(detector.name(), key)) {
            String value = text.substring(match.start(), match.end());
            report(detector, where, key, Masking.mask(detector.name(), value));
          }
        }
      }
      if (!found && clean.size() < MAX_CLEAN_TEXTS) {
        clean.add(text);
      }
    }

    private boolean allowed(String detector, String key) {
      for (PiiAllowance allowance : options.piiAllowances()) {
        if (allowance.allows(detector, key, span.name())) {
          return true;
        }
      }
      return false;
    }

    private void report(PiiDetector detector, String where, String key, String masked) {
      boolean credential =
          List.of("jwt", "authorization", "url-credentials", "aws-access-key", "private-key").contains(detector.name());
      findings.add(
          Finding.about(
              NAME,
              span,
              List.of(),
              "span " + describe(span) + " has " + detector.description() + " [" + detector.name() + "] in "
                  + where + ": " + masked,
              credential
                  ? "credentials must never be recorded: stop capturing this header or parameter, or redact it"
                      + " before export (e.g. in the Collector)"
                  : "the instrumentation records user data: drop or hash the attribute, or redact it before export"
                      + " (e.g. in the Collector)"));
    }
  }
}
