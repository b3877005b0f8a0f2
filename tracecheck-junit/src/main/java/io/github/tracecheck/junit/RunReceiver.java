package io.github.tracecheck.junit;

import io.github.tracecheck.capture.SpanCapture;
import io.github.tracecheck.receiver.OtlpEndpoints;
import io.github.tracecheck.receiver.OtlpProtocol;
import io.github.tracecheck.receiver.OtlpReceiver;
import io.github.tracecheck.receiver.ReceiverStartException;
import io.github.tracecheck.receiver.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The run's OTLP receiver: one per run, like the capture it feeds (a fixed port can be bound only
 * once). It remembers the exports it refused, so that each test can fail for those refused while
 * it ran. Kept in the root context's store and closed when the run ends.
 */
final class RunReceiver implements AutoCloseable {

  // Enough to tell a test what went wrong; older rejections are forgotten, never memory.
  private static final int MAX_REMEMBERED = 100;

  private final OtlpReceiver receiver;
  private final Deque<Rejection> rejections = new ArrayDeque<>(); // guarded by itself
  private long rejectionCount; // guarded by rejections
  private final Map<Object, Long> countAtStart = new ConcurrentHashMap<>();

  private RunReceiver(SpanCapture capture, ReceiverSettings settings) {
    try {
      this.receiver = OtlpReceiver.builder()
          .httpPort(settings.httpPort())
          .grpcPort(settings.grpcPort())
          .maxRequestBytes(settings.maxRequestBytes())
          .sink(capture::received)
          .onRejection(this::rejected)
          .start();
    } catch (ReceiverStartException e) {
      String key = e.protocol() == OtlpProtocol.GRPC
          ? TraceCheck.RECEIVER_GRPC_PORT_PROPERTY_NAME
          : TraceCheck.RECEIVER_HTTP_PORT_PROPERTY_NAME;
      throw new ExtensionConfigurationException(e.getMessage() + "; set " + key
          + " to a free port, or to 0 for an ephemeral one (the endpoint is then in OtlpEndpoints)", e);
    }
  }

  static RunReceiver start(SpanCapture capture, ReceiverSettings settings) {
    return new RunReceiver(capture, settings);
  }

  OtlpEndpoints endpoints() {
    return receiver.endpoints();
  }

  private void rejected(Rejection rejection) {
    synchronized (rejections) {
      rejections.addLast(rejection);
      if (rejections.size() > MAX_REMEMBERED) {
        rejections.removeFirst();
      }
      rejectionCount++;
    }
  }

  void testStarted(Object test) {
    synchronized (rejections) {
      countAtStart.put(test, rejectionCount);
    }
  }

  /**
   * The exports refused while the test ran (the most recent {@value #MAX_REMEMBERED} of them), and
   * how many there were; the test is forgotten.
   */
  String refusedDuring(Object test) {
    Long start = countAtStart.remove(test);
    if (start == null) {
      return null;
    }
    synchronized (rejections) {
      long refused = rejectionCount - start;
      if (refused == 0) {
        return null;
      }
      List<Rejection> recent = new ArrayList<>(rejections);
      List<Rejection> shown = recent.subList((int) Math.max(0, recent.size() - Math.min(refused, recent.size())), recent.size());
      StringBuilder message = new StringBuilder("tracecheck: the OTLP receiver refused ").append(refused)
          .append(" export(s) while this test ran; their spans are not in the capture (the sender got an OTLP error response):");
      shown.forEach(rejection -> message.append("\n  - ").append(rejection));
      return message.toString();
    }
  }

  @Override
  public void close() {
    receiver.close();
  }
}
