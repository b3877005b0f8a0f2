package io.github.tracecheck.rules.orphan;

import io.github.tracecheck.model.SpanNode;
import java.util.List;

/**
 * A root that lost its context, as one hop judged it, before repeated orphans of one cause are
 * collapsed into one finding.
 *
 * @param root the root span that should have continued a trace
 * @param related the span it most likely lost the context of (empty when that span is still open)
 * @param message what is wrong, in one sentence
 * @param likelyCause the likely cause for this root alone
 * @param repeatedCause the likely cause when several roots like it lost their context the same way
 *     (a parallel stream rather than one async stage); usually the same text
 */
record Orphan(SpanNode root, List<SpanNode> related, String message, String likelyCause, String repeatedCause) {

  Orphan(SpanNode root, List<SpanNode> related, String message, String likelyCause) {
    this(root, related, message, likelyCause, likelyCause);
  }
}
