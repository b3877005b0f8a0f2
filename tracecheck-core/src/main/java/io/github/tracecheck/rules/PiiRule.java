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
import io.github.tracecheck.pii.PiiScanner;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
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
      // The resources met for the first time in the trace being judged.
      private final Set<Resource> firstSeenInTrace = Collections.newSetFromMap(new IdentityHashMap<>());
      // Each distinct text is read once for every detector together (PiiScanner), and what was found is
      // reused for its other occurrences while it is recent: telemetry repeats itself.
      private final Texts texts = new Texts(options, forest.spanCount());

      private final Scan scan = new Scan(options, findings, texts);

      @Override
      public void judge(SpanNode span) {
        scan.spanName(span);
        scan.attributes("attribute", null, span.data().getAttributes());
        // Most spans have neither, and the lists of the SDK's spans are indexed: no iterator is made.
        List<EventData> events = span.data().getEvents();
        for (int i = 0; i < events.size(); i++) {
          EventData event = events.get(i);
          scan.attributes("event", event.getName(), event.getAttributes());
        }
        List<LinkData> links = span.data().getLinks();
        for (int i = 0; i < links.size(); i++) {
          scan.attributes("link attribute", null, links.get(i).getAttributes());
        }
        Resource resource = span.data().getResource();
        if (firstSeen(resource)) {
          firstSeenInTrace.add(resource);
        }
      }

      /**
       * A resource's attributes are scanned once per check, on the first span that has it in the
       * forest's order: spans are shown in the order captured, so the span is found in tree order
       * once the trace is judged.
       */
      @Override
      public void traceJudged(Trace trace) {
        if (firstSeenInTrace.isEmpty()) {
          return;
        }
        List<SpanNode> spans = trace.spans();
        for (int i = 0; i < spans.size() && !firstSeenInTrace.isEmpty(); i++) {
          SpanNode span = spans.get(i);
          Resource resource = span.data().getResource();
          if (firstSeenInTrace.remove(resource)) {
            scan.on(span);
            scan.attributes("resource attribute", null, resource.getAttributes());
          }
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
    // The span scanned, and the scope of the attributes being read: the event's name is put in the
    // scope only when there is a finding to locate, as most events have none.
    private SpanNode span;
    private String scope;
    private String eventName;

    Scan(RuleOptions options, List<Finding> findings, Texts texts) {
      this.options = options;
      this.findings = findings;
      this.texts = texts;
    }

    /** Starts on a span with its name. */
    void spanName(SpanNode span) {
      on(span);
      this.scope = "span name";
      report(null, false, texts.of(span.name()));
    }

    /** Starts on a span: what is found next is about it. */
    void on(SpanNode span) {
      this.span = span;
      this.eventName = null;
    }

    /**
     * @param scope "attribute", "resource attribute", ...; for an event's attributes, "event", and
     *     the event's name as {@code eventName} (null for the others)
     */
    void attributes(String scope, String eventName, Attributes attributes) {
      this.scope = scope;
      this.eventName = eventName;
      attributes.forEach(this);
    }

    @Override
    public void accept(AttributeKey<?> attributeKey, Object value) {
      String key = attributeKey.getKey();
      KeyScan keyScan = texts.ofKey(key);
      report(key, true, keyScan.detections());
      if (holdsNoText(attributeKey.getType())) {
        return; // numbers and booleans: their boxed values are not read from memory
      }
      if (value instanceof String) {
        value(key, keyScan.valueDetector(), (String) value);
      } else if (value instanceof List) {
        for (Object element : (List<?>) value) {
          if (element instanceof String) {
            value(key, keyScan.valueDetector(), (String) element);
          }
        }
      }
    }

    private static boolean holdsNoText(AttributeType type) {
      return type == AttributeType.LONG || type == AttributeType.DOUBLE || type == AttributeType.BOOLEAN
          || type == AttributeType.LONG_ARRAY || type == AttributeType.DOUBLE_ARRAY
          || type == AttributeType.BOOLEAN_ARRAY;
    }

    private void value(String key, PiiDetector keyDetector, String value) {
      if (keyDetector != null && !value.isEmpty() && !Detectors.isRedactionMarker(value)
          && !allowed(keyDetector.name(), key)) {
        report(keyDetector, location(key, false), keyDetector.mask(value));
        return; // the whole value is the credential: one finding is enough
      }
      report(key, false, texts.of(value));
    }

    /** @param inKey whether the text is the attribute's key rather than its value */
    private void report(String key, boolean inKey, List<Detection> detections) {
      // Indexed: most texts have no detection, and an iterator over their empty list is not made.
      for (int i = 0; i < detections.size(); i++) {
        Detection detection = detections.get(i);
        if (!allowed(detection.detector().name(), key)) {
          report(detection.detector(), location(key, inKey), detection.masked());
        }
      }
    }

    private String location(String key, boolean inKey) {
      String where = eventName == null ? scope : scope + " \"" + eventName + "\" attribute";
      if (key == null) {
        return Masking.redact(where);
      }
      return Masking.redact(inKey ? where + " key" : where + " \"" + key + "\"");
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
