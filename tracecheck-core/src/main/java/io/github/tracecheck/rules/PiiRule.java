package io.github.tracecheck.rules;

import static io.github.tracecheck.rules.internal.SpanDescriptions.describe;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.PiiMatch;
import io.github.tracecheck.pii.PiiScanner;
import io.opentelemetry.api.common.AttributeKey;
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
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Finds personal data and secrets in telemetry: span names, attribute keys and values (strings and
 * string arrays) of spans, events and links, and resource attributes, including captured HTTP
 * headers and URLs. The finding shows the detector, where the value is and its masked form; never
 * the value itself.
 */
public final class PiiRule implements PerSpanRule {

  public static final String NAME = "pii";

  public static final RuleInfo INFO =
      RuleInfo.of(NAME, "personal data or a secret in a span name, attribute key or value", RuleMode.FAIL);

  /**
   * Most slots of the table of recent texts' scans, 2^14: enough for the vocabulary of a run's
   * telemetry. A small forest gets a smaller table, 2^10 at least: a test's gate allocates little.
   */
  private static final int MAX_RECENT_TEXTS_BITS = 14;
  private static final int MIN_RECENT_TEXTS_BITS = 10;

  /** Resources told apart by an array before a set is used. */
  private static final int FEW_RESOURCES = 8;

  /** Attribute keys whose scan is kept; past it, a key is scanned each time. */
  private static final int MAX_SCANNED_KEYS = 10_000;

  /** What one detector found in a text, masked. */
  private record Detection(PiiDetector detector, String masked) {}

  /** An attribute key's detections, and the detector that flags every value under it (null for most keys). */
  private record KeyScan(List<Detection> detections, PiiDetector valueDetector) {}

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public SpanJudge judge(TraceForest forest, RuleOptions options) {
    return new SpanJudge() {
      private final List<Finding> findings = new ArrayList<>();
      // A capture has a few resources, one per process: the first few are compared by identity in an
      // array, and only a capture with more of them uses the set.
      private final Resource[] fewResources = new Resource[FEW_RESOURCES];
      private final Set<Resource> moreResources = Collections.newSetFromMap(new IdentityHashMap<>());
      // Each distinct text is read once for every detector together (PiiScanner), and what was found is
      // reused for its other occurrences while it is recent: telemetry repeats itself.
      private final Texts texts = new Texts(options, forest.spanCount());

      private final Scan scan = new Scan(options, findings, texts);

      @Override
      public void judge(SpanNode span) {
        scan.span = span;
        scan.text("span name", null, false, span.name());
        scan.attributes("attribute", span.data().getAttributes());
        // Most spans have neither: an iterator over an empty list is not made for them.
        List<EventData> events = span.data().getEvents();
        if (!events.isEmpty()) {
          for (EventData event : events) {
            // The event's name is masked with the rest of the location, and only if there is a finding.
            scan.attributes("event \"" + event.getName() + "\" attribute", event.getAttributes());
          }
        }
        List<LinkData> links = span.data().getLinks();
        if (!links.isEmpty()) {
          for (LinkData link : links) {
            scan.attributes("link attribute", link.getAttributes());
          }
        }
        Resource resource = span.data().getResource();
        if (firstSeen(resource)) {
          scan.attributes("resource attribute", resource.getAttributes());
        }
      }

      /** Whether the resource is met for the first time in this check. */
      private boolean firstSeen(Resource resource) {
        for (int i = 0; i < fewResources.length; i++) {
          if (fewResources[i] == resource) {
            return false;
          }
          if (fewResources[i] == null) {
            fewResources[i] = resource;
            return true;
          }
        }
        return moreResources.add(resource);
      }

      @Override
      public List<Finding> findings() {
        return findings;
      }
    };
  }

  /** The detections of texts and keys, each scanned once while it is recent. */
  private static final class Texts {
    private final List<PiiDetector> detectors;
    private final PiiScanner scanner;
    private final RecentTexts<List<Detection>> recent;
    private final Map<String, KeyScan> keys = new HashMap<>();

    Texts(RuleOptions options, int spans) {
      int bits = 32 - Integer.numberOfLeadingZeros(Math.max(spans, 1)) + 1;
      this.recent = new RecentTexts<>(Math.max(MIN_RECENT_TEXTS_BITS, Math.min(MAX_RECENT_TEXTS_BITS, bits)));
      this.detectors = options.piiDetectors();
      this.scanner = PiiScanner.of(detectors);
    }

    List<Detection> of(String text) {
      List<Detection> detections = recent.get(text);
      if (detections == null) {
        PiiScanner.Result result = scanner.scanned(text);
        detections = masked(text, result.found());
        // Texts a detector had to look into keep their slot; texts only the cue pass read are cheap to read again.
        recent.put(text, detections, result.ranDetectors());
      }
      return detections;
    }

    KeyScan ofKey(String key) {
      KeyScan scan = keys.get(key);
      if (scan == null) {
        PiiDetector valueDetector = null;
        for (PiiDetector detector : detectors) {
          if (detector.flagsKey(key)) {
            valueDetector = detector;
            break;
          }
        }
        scan = new KeyScan(masked(key, scanner.scan(key)), valueDetector);
        if (keys.size() < MAX_SCANNED_KEYS) {
          keys.put(key, scan);
        }
      }
      return scan;
    }

    /** What the detectors found in the text, masked; empty for the many texts with none. */
    private static List<Detection> masked(String text, List<PiiScanner.Found> found) {
      if (found.isEmpty()) {
        return List.of();
      }
      List<Detection> detections = new ArrayList<>(found.size());
      for (PiiScanner.Found each : found) {
        PiiMatch match = each.match();
        detections.add(new Detection(each.detector(), each.detector().mask(text.substring(match.start(), match.end()))));
      }
      return detections;
    }
  }

  /**
   * Scans the texts of a span, adding a finding per detection that is not allowed. Where a text
   * was found is only spelled out when there is a finding: most texts have none. One scan serves a
   * whole check, span after span (it is the consumer of each span's attributes): a check allocates
   * nothing per span.
   */
  private static final class Scan implements BiConsumer<AttributeKey<?>, Object> {
    private final RuleOptions options;
    private final List<Finding> findings;
    private final Texts texts;
    // The span scanned, and the scope of the attributes being read.
    private SpanNode span;
    private String scope;

    Scan(RuleOptions options, List<Finding> findings, Texts texts) {
      this.options = options;
      this.findings = findings;
      this.texts = texts;
    }

    void attributes(String scope, Attributes attributes) {
      this.scope = scope;
      attributes.forEach(this);
    }

    @Override
    public void accept(AttributeKey<?> attributeKey, Object value) {
      String key = attributeKey.getKey();
      KeyScan keyScan = texts.ofKey(key);
      report(scope, key, true, keyScan.detections());
      if (value instanceof String) {
        value(scope, key, keyScan.valueDetector(), (String) value);
      } else if (value instanceof List) {
        for (Object element : (List<?>) value) {
          if (element instanceof String) {
            value(scope, key, keyScan.valueDetector(), (String) element);
          }
        }
      }
    }

    private void value(String scope, String key, PiiDetector keyDetector, String value) {
      if (keyDetector != null && !value.isEmpty() && !Detectors.isRedactionMarker(value)
          && !allowed(keyDetector.name(), key)) {
        report(keyDetector, location(scope, key, false), keyDetector.mask(value));
        return; // the whole value is the credential: one finding is enough
      }
      text(scope, key, false, value);
    }

    /**
     * @param scope "span name", "attribute", "resource attribute", ...
     * @param inKey whether the text is the attribute's key rather than its value
     */
    void text(String scope, String key, boolean inKey, String text) {
      report(scope, key, inKey, texts.of(text));
    }

    private void report(String scope, String key, boolean inKey, List<Detection> detections) {
      for (Detection detection : detections) {
        if (!allowed(detection.detector().name(), key)) {
          report(detection.detector(), location(scope, key, inKey), detection.masked());
        }
      }
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
