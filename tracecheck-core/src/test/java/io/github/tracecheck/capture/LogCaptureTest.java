package io.github.tracecheck.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log capture's index by trace and its bound, with the real Logs SDK. */
class LogCaptureTest {

  @Test
  void keepsRecordsByTraceWithinTheBoundForgettingTheOldest() {
    LogCapture capture = new LogCapture();
    try (SdkLoggerProvider logs = SdkLoggerProvider.builder().addLogRecordProcessor(capture).build();
        SdkTracerProvider traces = SdkTracerProvider.builder().addSpanProcessor(new SpanCapture(false)).build()) {
      Logger logger = logs.get("test");
      Tracer tracer = traces.get("test");
      logger.logRecordBuilder().setBody("no span current").emit();
      Span first = tracer.spanBuilder("first").startSpan();
      try (Scope scope = first.makeCurrent()) {
        for (int i = 0; i < 10; i++) {
          logger.logRecordBuilder().setBody("first " + i).emit();
        }
      }
      Span second = tracer.spanBuilder("second").startSpan();
      try (Scope scope = second.makeCurrent()) {
        for (int i = 0; i < LogCapture.MAX_RECORDS; i++) {
          logger.logRecordBuilder().setBody("second " + i).emit();
        }
      }

      List<LogRecordData> ofFirst = capture.recordsOf(List.of(first.getSpanContext().getTraceId()));
      List<LogRecordData> ofSecond = capture.recordsOf(List.of(second.getSpanContext().getTraceId()));

      assertThat(ofSecond).hasSize(LogCapture.MAX_RECORDS);
      assertThat(ofFirst).isEmpty();
      assertThat(capture.forgottenRecords()).isEqualTo(10);
      assertThat(ofSecond.get(0).getBodyValue().asString()).isEqualTo("second 0");
      assertThat(capture.recordsOf(List.of("00000000000000000000000000000001"))).isEmpty();
    }
  }
}
