package io.github.tracecheck.capture;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent trace ids of tests that have finished, so that spans of those traces arriving
 * later from another process (an exporter's last batch) count as late instead of landing in
 * whichever test runs next. Bounded: the oldest ids are forgotten first.
 *
 * <p>Not thread-safe: {@link SpanCapture} guards it with its lock.
 */
final class FinishedTraces {

  private static final int MAX_TRACES = 100_000;

  private final Map<String, Boolean> traces =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > MAX_TRACES;
        }
      };

  void addAll(Collection<String> traceIds) {
    traceIds.forEach(id -> traces.put(id, Boolean.TRUE));
  }

  boolean contains(String traceId) {
    return traces.containsKey(traceId);
  }
}
