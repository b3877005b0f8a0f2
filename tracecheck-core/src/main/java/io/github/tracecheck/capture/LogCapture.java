package io.github.tracecheck.capture;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The log record processor of the run's Logs SDK: keeps the records emitted (by OpenTelemetry's
 * Logback appender, or the Logs API) so that each snapshot attaches them to the spans that were
 * current when they were emitted. Bounded: past {@link #MAX_RECORDS} the oldest are forgotten (and
 * counted), so a long run cannot exhaust memory.
 */
public final class LogCapture implements LogRecordProcessor {

  /** The records kept at most; the oldest go first. */
  public static final int MAX_RECORDS = 100_000;

  private final Object lock = new Object();
  private final ArrayDeque<LogRecordData> records = new ArrayDeque<>();
  private long forgotten;

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    LogRecordData record = logRecord.toLogRecordData();
    synchronized (lock) {
      if (records.size() == MAX_RECORDS) {
        records.removeFirst();
        forgotten++;
      }
      records.addLast(record);
    }
  }

  /** The records kept, oldest first. */
  public List<LogRecordData> records() {
    synchronized (lock) {
      return new ArrayList<>(records);
    }
  }

  /** How many records were forgotten because the bound was reached. */
  public long forgottenRecords() {
    synchronized (lock) {
      return forgotten;
    }
  }
}
