package io.github.tracecheck.semconv;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.TestSpans;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagingAttributesTest {

  private static SpanNode only(TestSpans.Builder builder) {
    return TraceForest.of(List.of(builder.build())).spans().get(0);
  }

  @Test
  void readsPartitionAndOffsetUnderCurrentAndOlderNames() {
    SpanNode current = only(span("orders process", id(1))
        .attr("messaging.destination.partition.id", "3").attr("messaging.kafka.message.offset", 42L));
    SpanNode older = only(span("orders process", id(1))
        .attr("messaging.kafka.destination.partition", 3L).attr("messaging.kafka.offset", 42L));

    for (SpanNode span : List.of(current, older)) {
      assertThat(MessagingAttributes.partition(span)).isEqualTo("3");
      assertThat(MessagingAttributes.kafkaOffset(span)).isEqualTo(42L);
    }
  }

  @Test
  void absentPartitionAndOffsetAreNull() {
    SpanNode none = only(span("orders process", id(1)).attr("messaging.system", "kafka"));

    assertThat(MessagingAttributes.partition(none)).isNull();
    assertThat(MessagingAttributes.kafkaOffset(none)).isNull();
  }
}
