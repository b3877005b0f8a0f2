package io.github.tracecheck.rules.internal;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.pii.Masking;
import java.util.HashMap;
import java.util.Map;

/**
 * The masked forms of the texts one check's findings quote again and again (span names, service
 * names, exception types), each masked once per check: masking reads the text for every detector.
 * Bounded, so a check whose texts are all distinct keeps no more than {@value #MOST_KEPT} of them.
 * Lives as long as one check: nothing is kept from one check to the next.
 */
public final class Redactions {

  static final int MOST_KEPT = 4096;

  private final Map<String, String> redacted = new HashMap<>();

  /** {@link Masking#redact} of the text; null for null. */
  public String of(String text) {
    if (text == null) {
      return null;
    }
    String kept = redacted.get(text);
    if (kept == null) {
      kept = Masking.redact(text);
      if (redacted.size() < MOST_KEPT) {
        redacted.put(text, kept);
      }
    }
    return kept;
  }

  /** {@link SpanDescriptions#describe}, with the name and service masked once per check. */
  public String describe(SpanNode node) {
    return SpanDescriptions.describe(node, this::of);
  }
}
