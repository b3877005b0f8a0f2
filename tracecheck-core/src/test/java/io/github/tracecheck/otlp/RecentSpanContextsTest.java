package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A child's parent context is its parent's own context object when the two are equal, whichever of
 * them is read first; a context that differs in anything - flags, remoteness, trace - is its own,
 * and still holds the one string of the span id.
 */
class RecentSpanContextsTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319d";
  private static final String PARENT = "00f067aa0ba902b7";

  @Test
  void aParentsOwnContextIsItsChildrensParentContextInEitherOrder() throws Exception {
    String parentFirst = document(span(PARENT, null, 257) + "," + span("00f067aa0ba902b8", PARENT, 257));
    String childFirst = document(span("00f067aa0ba902b8", PARENT, 257) + "," + span(PARENT, null, 257));

    List<SpanData> read = OtlpJsonReader.read(new StringReader(parentFirst + "\n" + childFirst), "x");

    assertThat(read.get(1).getParentSpanContext()).isSameAs(read.get(0).getSpanContext())
        .isEqualTo(SpanContext.create(TRACE, PARENT, TraceFlags.getSampled(), TraceState.getDefault()));
    assertThat(read.get(3).getSpanContext()).isSameAs(read.get(2).getParentSpanContext());
  }

  @Test
  void aParentIdReadIsTheStringOfItsParentsContextEvenWhenTheContextsDiffer() throws Exception {
    // bits 8 and 9 of the child's flags: its parent context is remote, so not the parent's own
    String document = document(span(PARENT, null, 257) + "," + span("00f067aa0ba902b8", PARENT, 0x301));

    List<SpanData> read = OtlpJsonReader.read(new StringReader(document), "x");

    assertThat(read.get(1).getParentSpanContext()).isNotSameAs(read.get(0).getSpanContext());
    assertThat(read.get(1).getParentSpanContext().isRemote()).isTrue();
    assertThat(read.get(1).getParentSpanId()).isSameAs(read.get(0).getSpanId());
  }

  @Test
  void aSpanIdIsFoundByAllItsCharactersNotByItsSlot() {
    RecentSpanContexts contexts = new RecentSpanContexts();
    SpanContext made = contexts.context(TRACE, PARENT, SpanFlags.NONE, false);
    String sameSlot = sameSlotAs(PARENT);

    assertThat(contexts.spanId(("xx" + PARENT).toCharArray(), 2)).isSameAs(made.getSpanId());
    assertThat(contexts.spanId(sameSlot.toCharArray(), 0)).isNull();
    assertThat(contexts.spanId("00f067aa0ba902b8".toCharArray(), 0)).isNull();
  }

  /** Another id whose context would take the slot of {@code id}'s. */
  private static String sameSlotAs(String id) {
    for (long i = 1; ; i++) {
      String other = String.format("%016x", i);
      if (!other.equals(id) && (other.hashCode() & (RecentSpanContexts.SLOTS - 1)) == (id.hashCode() & (RecentSpanContexts.SLOTS - 1))) {
        return other;
      }
    }
  }

  @Test
  void contextsThatDifferInFlagsRemotenessOrTraceAreNotShared() {
    RecentSpanContexts contexts = new RecentSpanContexts();
    SpanContext own = contexts.context(TRACE, PARENT, 0x101, false);

    // bits 8 and 9: the parent came from another process
    SpanContext remoteParent = contexts.context(TRACE, PARENT, 0x301, true);
    assertThat(remoteParent.isRemote()).isTrue();
    assertThat(own.isRemote()).isFalse();
    // not sampled
    SpanContext unsampled = contexts.context(TRACE, PARENT, 0x100, true);
    assertThat(unsampled.isSampled()).isFalse();
    assertThat(unsampled).isNotSameAs(own).isEqualTo(SpanContext.create(TRACE, PARENT, TraceFlags.getDefault(), TraceState.getDefault()));
    // the same span id in another trace
    SpanContext otherTrace = contexts.context(OTHER_TRACE, PARENT, 0x101, false);
    assertThat(otherTrace.getTraceId()).isEqualTo(OTHER_TRACE);
    // without flags: sampled and local, as before files had flags
    assertThat(contexts.context(TRACE, PARENT, SpanFlags.NONE, true))
        .isEqualTo(SpanContext.create(TRACE, PARENT, TraceFlags.getSampled(), TraceState.getDefault()));
  }

  @Test
  void theTableStaysBoundedAndAForgottenContextIsMadeAgainEqual() {
    RecentSpanContexts contexts = new RecentSpanContexts();
    SpanContext first = contexts.context(TRACE, PARENT, SpanFlags.NONE, false);
    for (int i = 1; i <= RecentSpanContexts.SLOTS * 4; i++) {
      contexts.context(TRACE, String.format("%016x", i), SpanFlags.NONE, false);
    }

    SpanContext again = contexts.context(TRACE, PARENT, SpanFlags.NONE, false);

    assertThat(again).isEqualTo(first);
  }

  private static String document(String spans) {
    return "{\"resourceSpans\":[{\"resource\":{},\"scopeSpans\":[{\"scope\":{\"name\":\"s\"},\"spans\":[" + spans + "]}]}]}";
  }

  private static String span(String spanId, String parentSpanId, int flags) {
    return "{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + spanId + "\","
        + (parentSpanId == null ? "" : "\"parentSpanId\":\"" + parentSpanId + "\",")
        + "\"name\":\"s\",\"flags\":" + flags + ",\"startTimeUnixNano\":\"1\",\"endTimeUnixNano\":\"2\"}";
  }
}
