package io.github.tracecheck.capture;

import io.github.tracecheck.model.SpanStart;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What one test (or the default capture, or the unattributed traces) captured, within a bound, so
 * that a test making too many spans fails saying so instead of exhausting memory. Ended spans and
 * span starts are each kept up to the bound and only counted beyond it. Open spans are tracked
 * whether or not their start was kept, so that waiting for every span to end stays exact.
 *
 * <p>Not thread-safe: {@link SpanCapture} guards it with its lock.
 */
final class SpanBuffer {

  private final boolean captureStackTraces;
  private final int maxSpans;
  private final List<SpanData> ended = new ArrayList<>();
  private final List<SpanStart> started = new ArrayList<>();
  // Keyed by the SDK's span object, which is the same at start and end (identity equality).
  private final Map<ReadableSpan, SpanStart> open = new LinkedHashMap<>();
  // Open spans whose start was over the bound: only their identity is kept, to count them, and
  // weakly, so that spans a program drops without ending them do not pile up past the bound.
  private final Set<ReadableSpan> openNotKept = Collections.newSetFromMap(new WeakHashMap<>());
  private int droppedEnds;
  private int droppedStarts;

  SpanBuffer(boolean captureStackTraces, int maxSpans) {
    this.captureStackTraces = captureStackTraces;
    this.maxSpans = maxSpans;
  }

  /** Whether starts for this buffer should record where the span was started. */
  boolean captureStackTraces() {
    return captureStackTraces;
  }

  void spanStarted(ReadableSpan span, SpanStart start) {
    if (started.size() < maxSpans) {
      started.add(start);
      open.put(span, start);
    } else {
      droppedStarts++;
      openNotKept.add(span);
    }
  }

  void spanEnded(ReadableSpan span, SpanData data) {
    if (open.remove(span) == null) {
      openNotKept.remove(span);
    }
    if (ended.size() < maxSpans) {
      ended.add(data);
    } else {
      droppedEnds++;
    }
  }

  /** A span that ended in another process: it never started here, so it only joins the ended ones. */
  void spanReceived(SpanData data) {
    if (ended.size() < maxSpans) {
      ended.add(data);
    } else {
      droppedEnds++;
    }
  }

  /** The kept ended spans, in the order they ended (a copy). */
  List<SpanData> ended() {
    return new ArrayList<>(ended);
  }

  /** The kept starts, in start order (a copy). */
  List<SpanStart> started() {
    return new ArrayList<>(started);
  }

  /** The kept starts of spans not yet ended, in start order (a copy). */
  List<SpanStart> open() {
    return new ArrayList<>(open.values());
  }

  /** How many spans started and have not ended, whether or not their start was kept. */
  int openCount() {
    return open.size() + openNotKept.size();
  }

  int droppedEnds() {
    return droppedEnds;
  }

  int droppedStarts() {
    return droppedStarts;
  }

  /** Forgets everything kept and counted. */
  void clear() {
    ended.clear();
    started.clear();
    open.clear();
    openNotKept.clear();
    droppedEnds = 0;
    droppedStarts = 0;
  }
}
