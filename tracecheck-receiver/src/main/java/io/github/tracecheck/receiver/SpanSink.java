package io.github.tracecheck.receiver;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/** Where the receiver hands the spans of each accepted export, e.g. {@code SpanCapture::received}. */
@FunctionalInterface
public interface SpanSink {

  /** Takes the spans of one export request; called on the receiver's threads, concurrently. */
  void accept(List<SpanData> spans);
}
