package io.github.tracecheck.capture;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log record processor of the run's Logs SDK: keeps the records emitted while a span was
 * current (by OpenTelemetry's Logback appender, or the Logs API), indexed by trace, so that each
 * snapshot attaches them to the spans that were current when they were emitted without reading
 * the records of other traces. Records emitted with no span current cannot be attached and are not
 * kept. Bounded: past {@link #MAX_RECORDS} the oldest are forgotten (and counted), so a long run
 * cannot exhaust memory.
 */
public final class LogCapture implements LogRecordProcessor {

  /** The records kept at most; the oldest go first. */
  public static final int MAX_RECORDS = 100_000;

  private final Object lock = new Object();
  private final ArrayDeque<LogRecordData> oldestFirst = new ArrayDeque<>();
  private final Map<String, ArrayDeque<LogRecordData>> byTrace = new HashMap<>();
  private long forgotten;

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    LogRecordData record = logRecord.toLogRecordData();
    if (!record.getSpanContext().isValid()) {
      return;
    }
    synchronized (lock) {
      if (oldestFirst.size() == MAX_RECORDS) {
        LogRecordData oldest = oldestFirst.removeFirst();
        String traceId = oldest.getSpanContext().getTraceId();
        ArrayDeque<LogRecordData> ofTrace = byTrace.get(traceId);
        ofTrace.removeFirst();
        if (ofTrace.isEmpty()) {
          byTrace.remove(traceId);
        }
        forgotten++;
      }
      oldestFirst.addLast(record);
      byTrace.computeIfAbsent(record.getSpanContext().getTraceId(), id -> new ArrayDeque<>()).addLast(record);
    }
  }

  /** The records kept of these traces, each trace's in the order they were emitted. */
  public List<LogRecordData> recordsOf(Collection<String> traceIds) {
    List<LogRecordData> records = new ArrayList<>();
    synchronized (lock) {
      for (String traceId : traceIds) {
        ArrayDeque<LogRecordData> ofTrace = byTrace.get(traceId);
        if (ofTrace != null) {
          records.addAll(ofTrace);
        }
      }
    }
    return records;
  }

  /** How many records were forgotten because the bound was reached. */
  public long forgottenRecords() {
    synchronized (lock) {
      return forgotten;
    }
  }
}
