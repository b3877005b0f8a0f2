package io.github.tracecheck.model;

import static io.github.tracecheck.testing.TestSpans.OTHER_TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.TRACE_ID;
import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static io.github.tracecheck.testing.TestSpans.withRawIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceForestTest {

  @Test
  void groupsSpansByTraceAndOrdersTracesByStart() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("late", id(1)).trace(TRACE_ID).time(10, 11).build(),
                span("early", id(2)).trace(OTHER_TRACE_ID).time(0, 1).build()));

    assertThat(forest.traces()).extracting(Trace::traceId).containsExactly(OTHER_TRACE_ID, TRACE_ID);
    assertThat(forest.spanCount()).isEqualTo(2);
    assertThat(forest.trace(TRACE_ID)).get().extracting(t -> t.firstRoot().name()).isEqualTo("late");
    assertThat(forest.problems()).isEmpty();
  }

  @Test
  void linksChildrenToParentsOrderedByStartTimeInAnyInputOrder() {
    List<SpanData> spans =
        new ArrayList<>(
            List.of(
                span("root", id(1)).time(0, 100).build(),
                span("second", id(3)).parent(id(1)).time(20, 30).build(),
                span("first", id(2)).parent(id(1)).time(10, 15).build(),
                span("grandchild", id(4)).parent(id(3)).time(21, 22).build()));
    Collections.reverse(spans);

    Trace trace = TraceForest.of(spans).traces().get(0);

    SpanNode root = trace.firstRoot();
    assertThat(trace.roots()).containsExactly(root);
    assertThat(root.children()).extracting(SpanNode::name).containsExactly("first", "second");
    assertThat(trace.spans()).extracting(SpanNode::name).containsExactly("root", "first", "second", "grandchild");
    SpanNode grandchild = trace.span(id(4)).orElseThrow();
    assertThat(grandchild.depth()).isEqualTo(2);
    assertThat(grandchild.parent()).get().extracting(SpanNode::name).isEqualTo("second");
    assertThat(grandchild.isDescendantOf(root)).isTrue();
    assertThat(root.isDescendantOf(grandchild)).isFalse();
    assertThat(grandchild.pathFromRoot()).extracting(SpanNode::name).containsExactly("root", "second", "grandchild");
  }

  @Test
  void keepsTheOrderCapturedBesideTheTreeOrderAndEachSpansPositionInTheTree() {
    List<SpanData> captured =
        List.of(
            span("grandchild", id(4)).parent(id(3)).time(21, 22).build(),
            span("first", id(2)).parent(id(1)).time(10, 15).build(),
            span("second", id(3)).parent(id(1)).time(20, 30).build(),
            span("root", id(1)).time(0, 100).build());

    Trace trace = TraceForest.of(captured).traces().get(0);

    assertThat(trace.spansAsCaptured()).extracting(SpanNode::name).containsExactly("grandchild", "first", "second", "root");
    assertThat(trace.spans()).extracting(SpanNode::name).containsExactly("root", "first", "second", "grandchild");
    for (int i = 0; i < trace.size(); i++) {
      assertThat(trace.spans().get(i).positionInTrace()).as(trace.spans().get(i).name()).isEqualTo(i);
    }
  }

  @Test
  void marksLocalRootsOfEachServiceInOneTrace() {
    Trace trace =
        TraceForest.of(
                List.of(
                    span("POST /checkout", id(1)).service("api-gateway").time(0, 10).build(),
                    span("auth call", id(2)).service("api-gateway").parent(id(1)).time(1, 3).build(),
                    span("auth handle", id(3)).service("auth-service").remoteParent(id(2)).time(1, 2).build(),
                    span("check token", id(4)).service("auth-service").parent(id(3)).time(1, 2).build()))
            .traces()
            .get(0);

    assertThat(trace.serviceNames()).containsExactly("api-gateway", "auth-service");
    assertThat(trace.localRoots()).extracting(SpanNode::name).containsExactly("POST /checkout", "auth handle");
    assertThat(trace.span(id(3)).orElseThrow().hasRemoteParent()).isTrue();
  }

  @Test
  void spanWhoseParentWasNotCapturedIsARootWithAMissingParent() {
    Trace trace =
        TraceForest.of(
                List.of(
                    span("root", id(1)).time(0, 10).build(),
                    span("dangling", id(2)).parent(id(99)).time(1, 2).build()))
            .traces()
            .get(0);

    SpanNode dangling = trace.span(id(2)).orElseThrow();
    assertThat(trace.roots()).hasSize(2);
    assertThat(dangling.isRoot()).isTrue();
    assertThat(dangling.hasMissingParent()).isTrue();
    assertThat(trace.firstRoot().hasMissingParent()).isFalse();
  }

  @Test
  void resolvesLinksToCapturedSpansAcrossTraces() {
    SpanData producer = span("orders publish", id(1)).trace(OTHER_TRACE_ID).build();
    SpanData consumer =
        span("orders process", id(2)).link(OTHER_TRACE_ID, id(1)).link(OTHER_TRACE_ID, id(77)).build();

    TraceForest forest = TraceForest.of(List.of(producer, consumer));

    SpanNode consumerNode = forest.trace(TRACE_ID).orElseThrow().firstRoot();
    assertThat(consumerNode.links()).hasSize(2);
    assertThat(consumerNode.hasLinks()).isTrue();
    assertThat(forest.trace(OTHER_TRACE_ID).orElseThrow().firstRoot().hasLinks()).isFalse();
    assertThat(forest.linkedSpans(consumerNode)).extracting(SpanNode::name).containsExactly("orders publish");
  }

  @Test
  void aForestOfTracesBuiltElsewhereIsTheForestOfTheirSpans() {
    SpanData producer = span("orders publish", id(1)).trace(OTHER_TRACE_ID).time(5, 6).build();
    SpanData consumer = span("orders process", id(2)).link(OTHER_TRACE_ID, id(1)).time(7, 9).build();
    SpanData twin = span("twin", id(2)).time(8, 9).build();
    Trace consumerTrace = TraceForest.of(List.of(consumer, twin)).traces().get(0);
    Trace producerTrace = TraceForest.of(List.of(producer)).traces().get(0);

    TraceForest composed = TraceForest.ofTraces(List.of(consumerTrace, producerTrace));
    TraceForest built = TraceForest.of(List.of(consumer, twin, producer));

    // the same traces in the same order, links resolved across them, problems in the order given
    assertThat(composed.traces()).containsExactly(producerTrace, consumerTrace);
    assertThat(composed.traces()).extracting(Trace::traceId)
        .containsExactlyElementsOf(built.traces().stream().map(Trace::traceId).toList());
    assertThat(composed.linkedSpans(consumerTrace.firstRoot())).containsExactly(producerTrace.firstRoot());
    assertThat(composed.problems()).hasToString(built.problems().toString()).hasSize(1);
    assertThat(TraceForest.ofTraces(List.of())).isSameAs(TraceForest.empty());
    assertThatThrownBy(() -> TraceForest.ofTraces(List.of(producerTrace, producerTrace)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace " + OTHER_TRACE_ID + " is given twice");
  }

  @Test
  void duplicateSpanIdIsReportedAndBothSpansAreKept() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("first", id(1)).time(0, 10).build(),
                span("twin", id(1)).time(1, 2).build(),
                span("child", id(2)).parent(id(1)).time(2, 3).build()));

    Trace trace = forest.traces().get(0);
    assertThat(trace.size()).isEqualTo(3);
    assertThat(trace.span(id(1))).get().extracting(SpanNode::name).isEqualTo("first");
    assertThat(trace.span(id(2)).orElseThrow().parent()).get().extracting(SpanNode::name).isEqualTo("first");
    assertThat(forest.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(ForestProblem.Kind.DUPLICATE_SPAN_ID))
        .satisfies(p -> assertThat(p.span().name()).isEqualTo("twin"))
        .hasToString(
            "DUPLICATE_SPAN_ID: span 'twin' has span id 0000000000000001, already used by span"
                + " 'first' of the same trace; children are attached to the first");
  }

  @Test
  void aSpanIsLookedUpByIdAsCapturedNotInTreeOrder() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("captured first, started later", id(1)).time(5, 10).build(),
                span("captured later, started first", id(1)).time(0, 10).build(),
                span("invalid id", "000000000000000x").time(1, 2).build()));

    Trace trace = forest.traces().get(0);
    assertThat(trace.spans()).extracting(SpanNode::name).startsWith("captured later, started first");
    assertThat(trace.span(id(1))).get().extracting(SpanNode::name).isEqualTo("captured first, started later");
    assertThat(trace.span("000000000000000x")).isEmpty();
    assertThat(trace.span(id(9))).isEmpty();
  }

  @Test
  void selfParentIsReportedAndTreatedAsRoot() {
    TraceForest forest = TraceForest.of(List.of(span("narcissus", id(5)).parent(id(5)).build()));

    SpanNode node = forest.traces().get(0).firstRoot();
    assertThat(node.isRoot()).isTrue();
    assertThat(node.hasMissingParent()).isFalse();
    assertThat(forest.problems())
        .extracting(ForestProblem::toString)
        .containsExactly(
            "SELF_PARENT: span 'narcissus' (0000000000000005) names itself as its parent; it is"
                + " treated as a root");
  }

  @Test
  void aSpanIdTheApiRejectedIsReportedAndAValidOneIsNot() {
    // The API's span context keeps the invalid ids in place of ids it rejects: the forest still names them.
    TraceForest forest =
        TraceForest.of(List.of(span("rejected", "not-hex-at-all!").build(), span("fine", id(7)).build()));

    assertThat(forest.problems()).extracting(ForestProblem::toString)
        .containsExactly(
            "INVALID_TRACE_ID: trace id '00000000000000000000000000000000' of 1 span(s) is not 32 lowercase hex"
                + " digits, or is all zeros",
            "INVALID_SPAN_ID: span 'rejected' has span id '0000000000000000', which is not 16 lowercase"
                + " hex digits, or is all zeros");
  }

  @Test
  void spansOfTracesThatComeInterleavedAreGroupedByTraceInTheOrderTheTracesFirstCame() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("a-root", id(1)).time(1, 10).build(),
                span("b-root", id(2)).trace(OTHER_TRACE_ID).time(1, 10).build(),
                span("a-child", id(3)).parent(id(1)).time(2, 3).build(),
                span("b-child", id(4)).trace(OTHER_TRACE_ID).parent(id(2)).time(2, 3).build(),
                span("a-first", id(5)).parent(id(1)).time(1, 2).build()));

    assertThat(forest.traces()).extracting(Trace::traceId).containsExactly(TRACE_ID, OTHER_TRACE_ID);
    assertThat(forest.traces().get(0).spans()).extracting(SpanNode::name).containsExactly("a-root", "a-first", "a-child");
    assertThat(forest.traces().get(1).spans()).extracting(SpanNode::name).containsExactly("b-root", "b-child");
    assertThat(forest.traces().get(0).firstRoot().children()).extracting(SpanNode::name)
        .containsExactly("a-first", "a-child");
  }

  @Test
  void parentCycleIsCutAtItsEarliestSpanAndEverySpanIsKept() {
    // a -> b -> c -> a, and d hangs below c.
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("a", id(1)).parent(id(3)).time(5, 6).build(),
                span("b", id(2)).parent(id(1)).time(1, 2).build(),
                span("c", id(3)).parent(id(2)).time(3, 4).build(),
                span("d", id(4)).parent(id(3)).time(4, 5).build()));

    Trace trace = forest.traces().get(0);
    assertThat(trace.roots()).extracting(SpanNode::name).containsExactly("b");
    assertThat(trace.spans()).extracting(SpanNode::name).containsExactly("b", "c", "d", "a");
    assertThat(forest.problems())
        .extracting(ForestProblem::toString)
        .containsExactly(
            "PARENT_CYCLE: parent links form a cycle: 'a' (0000000000000001) -> child of 'c'"
                + " (0000000000000003) -> child of 'b' (0000000000000002); the cycle is cut above"
                + " 'b', the earliest of its spans, which is treated as a root");
  }

  @Test
  void longCycleMessageIsShortened() {
    List<SpanData> ring = new ArrayList<>();
    int size = 50_000;
    for (int i = 1; i <= size; i++) {
      ring.add(span("s" + i, id(i)).parent(id(i == 1 ? size : i - 1)).time(i, i + 1).build());
    }

    TraceForest forest = TraceForest.of(ring);

    assertThat(forest.spanCount()).isEqualTo(size);
    assertThat(forest.traces().get(0).roots()).extracting(SpanNode::name).containsExactly("s1");
    assertThat(forest.problems()).singleElement().extracting(ForestProblem::message).asString()
        .contains("(50000 spans in all)");
  }

  @Test
  void invalidIdsAreReportedAndTheSpansKept() {
    SpanData badTrace = withRawIds(span("bad trace", id(1)).build(), "not-a-trace-id", id(1));
    SpanData badSpan = withRawIds(span("bad span", id(2)).build(), TRACE_ID, "XYZ");

    TraceForest forest = TraceForest.of(List.of(badTrace, badSpan));

    assertThat(forest.spanCount()).isEqualTo(2);
    assertThat(forest.problems())
        .extracting(ForestProblem::kind)
        .containsExactlyInAnyOrder(ForestProblem.Kind.INVALID_TRACE_ID, ForestProblem.Kind.INVALID_SPAN_ID);
    assertThat(forest.problems())
        .extracting(ForestProblem::message)
        .contains("span 'bad span' has span id 'XYZ', which is not 16 lowercase hex digits, or is all zeros");
  }

  @Test
  void nullSpanIsRejectedWithItsPosition() {
    List<SpanData> spans = Arrays.asList(span("ok", id(1)).build(), null);

    assertThatThrownBy(() -> TraceForest.of(spans))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span #1 of the captured spans is null");
  }

  @Test
  void nullSpanAmongTheSpansReadAheadIsRejectedWithItsPosition() {
    // The forest reads a block of spans ahead (SpanDataPrefetch): a null there is still reported at its place.
    List<SpanData> spans = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      spans.add(span("span " + i, id(i)).build());
    }
    spans.set(70, null);

    assertThatThrownBy(() -> TraceForest.of(spans))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("span #70 of the captured spans is null");
  }

  @Test
  void spansGivenAsAListBuildTheSameForestAsInAnyOtherCollection() {
    // A list read by index has its spans read ahead into cache; any other collection is read as it comes.
    List<SpanData> spans = new ArrayList<>();
    for (int i = 1; i <= 200; i++) {
      spans.add(span("span " + i, id(i)).parent(i == 1 ? null : id(i / 2)).build());
    }

    TraceForest fromList = TraceForest.of(spans);
    TraceForest fromSet = TraceForest.of(new LinkedHashSet<>(spans));

    assertThat(fromList.spans()).extracting(SpanNode::spanId)
        .containsExactlyElementsOf(fromSet.spans().stream().map(SpanNode::spanId).toList())
        .hasSize(200);
    assertThat(fromList.spans()).extracting(SpanNode::depth)
        .containsExactlyElementsOf(fromSet.spans().stream().map(SpanNode::depth).toList());
  }

  @Test
  void chainOfOneHundredThousandNestedSpansDoesNotOverflowTheStack() {
    int size = 100_000;
    List<SpanData> chain = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      chain.add(span("s" + i, id(i)).parent(i == 1 ? null : id(i - 1)).time(i, 2L * size - i).build());
    }
    Collections.shuffle(chain, new java.util.Random(42));

    Trace trace = TraceForest.of(chain).traces().get(0);

    assertThat(trace.roots()).extracting(SpanNode::name).containsExactly("s1");
    SpanNode deepest = trace.span(id(size)).orElseThrow();
    assertThat(deepest.depth()).isEqualTo(size - 1);
    assertThat(deepest.isDescendantOf(trace.firstRoot())).isTrue();
    assertThat(deepest.pathFromRoot()).hasSize(size);
    assertThat(trace.spans().get(size - 1)).isSameAs(deepest);
  }

  @Test
  void emptyInputGivesEmptyForest() {
    assertThat(TraceForest.of(List.of()).isEmpty()).isTrue();
    assertThat(TraceForest.empty().spans()).isEmpty();
  }

  @Test
  void spansWhoseIdsShareOneHashAreLinkedAsAnyOthers() {
    // A hostile file: every id has one string hash, so an index by hash alone would probe quadratically.
    List<String> ids = CollidingSpanIds.withHash(0x7ace, 1_000);
    List<SpanData> spans = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      spans.add(span("s" + i, ids.get(i)).parent(i == 0 ? null : ids.get(i - 1)).time(i, 2_000 - i).build());
    }
    spans.add(span("twin", ids.get(500)).parent(ids.get(10)).time(11, 12).build());
    spans.add(span("lost", ids.get(3).replace('1', '2')).parent(CollidingSpanIds.withHash(0x7ace, 1_001).get(1_000))
        .time(1, 2).build());
    Collections.shuffle(spans, new java.util.Random(7));

    TraceForest forest = TraceForest.of(spans);

    Trace trace = forest.traces().get(0);
    assertThat(trace.roots()).extracting(SpanNode::name).containsExactly("s0", "lost");
    assertThat(trace.roots().get(1).hasMissingParent()).isTrue();
    SpanNode last = trace.span(ids.get(999)).orElseThrow();
    assertThat(last.depth()).isEqualTo(999);
    assertThat(last.parent()).get().extracting(SpanNode::name).isEqualTo("s998");
    assertThat(trace.span(ids.get(500)).orElseThrow().name()).isEqualTo("s500");
    assertThat(trace.span(ids.get(10)).orElseThrow().children()).extracting(SpanNode::name).containsExactly("s11", "twin");
    assertThat(forest.problems()).extracting(ForestProblem::toString).containsExactly(
        "DUPLICATE_SPAN_ID: span 'twin' has span id " + ids.get(500) + ", already used by span 's500' of the same"
            + " trace; children are attached to the first");
  }

  @Test
  void childrenThatStartTogetherAreOrderedByNameThenSpanIdThenAsCaptured() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("root", id(1)).time(0, 100).build(),
                span("b", id(3)).parent(id(1)).time(5, 6).build(),
                span("a", id(9)).parent(id(1)).time(5, 6).build(),
                span("a", id(4)).parent(id(1)).time(5, 6).attr("copy", 1).build(),
                span("z", id(8)).parent(id(1)).time(1, 2).build(),
                span("a", id(4)).parent(id(1)).time(5, 6).attr("copy", 2).build()));

    SpanNode root = forest.traces().get(0).firstRoot();

    assertThat(root.children()).extracting(c -> c.name() + c.spanId().substring(15) + c.attribute(io.opentelemetry.api.common.AttributeKey.longKey("copy")))
        .containsExactly("z8null", "a41", "a42", "a9null", "b3null");
  }

  @Test
  void manyChildrenAndRootsInAnyOrderAreOrderedByStartNameAndIdAsAFewAre() {
    java.util.Random random = new java.util.Random(3);
    List<SpanData> spans = new ArrayList<>();
    spans.add(span("root", id(1)).time(0, 10_000).build());
    for (int i = 0; i < 3_000; i++) {
      String name = "n" + random.nextInt(3);
      long start = random.nextInt(300);
      // children of the root, and roots whose parent was never captured, with many equal starts and names
      String parent = i % 4 == 0 ? id(900_000 + i) : id(1);
      spans.add(span(name, id(1_000 + random.nextInt(2_500))).parent(parent).time(start, start + 1).attr("n", i).build());
    }
    Collections.shuffle(spans, random);
    java.util.Comparator<SpanNode> byStartNameId = java.util.Comparator.comparingLong(SpanNode::startEpochNanos)
        .thenComparing(SpanNode::name).thenComparing(SpanNode::spanId);

    Trace trace = TraceForest.of(spans).traces().get(0);

    SpanNode root = trace.span(id(1)).orElseThrow();
    // What a stable sort of the spans as captured gives: equal ones keep the order they came in.
    List<SpanNode> captured = new ArrayList<>();
    for (SpanData data : spans) {
      captured.add(trace.spans().stream().filter(n -> n.data() == data).findFirst().orElseThrow());
    }
    List<SpanNode> expectedChildren = new ArrayList<>(captured.stream().filter(n -> n.parent().orElse(null) == root).toList());
    expectedChildren.sort(byStartNameId);
    List<SpanNode> expectedRoots = new ArrayList<>(captured.stream().filter(SpanNode::isRoot).toList());
    expectedRoots.sort(byStartNameId);
    assertThat(root.children()).hasSizeGreaterThan(2_000).containsExactlyElementsOf(expectedChildren);
    assertThat(trace.roots()).hasSizeGreaterThan(700).containsExactlyElementsOf(expectedRoots);
  }

  @Test
  void aDuplicateIdNamingItsOwnIdAsParentIsASelfParentNotAChildOfTheFirst() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("first", id(1)).time(0, 10).build(),
                span("twin", id(1)).parent(id(1)).time(1, 2).build(),
                span("child", id(2)).parent(id(1)).time(2, 3).build()));

    Trace trace = forest.traces().get(0);
    assertThat(trace.roots()).extracting(SpanNode::name).containsExactly("first", "twin");
    assertThat(trace.firstRoot().children()).extracting(SpanNode::name).containsExactly("child");
    assertThat(forest.problems()).extracting(ForestProblem::kind)
        .containsExactly(ForestProblem.Kind.DUPLICATE_SPAN_ID, ForestProblem.Kind.SELF_PARENT);
    assertThat(forest.problems().get(1).span().name()).isEqualTo("twin");
  }

  @Test
  void theForestsSpansAreAListOfItsOwnTraceByTraceInTreeOrder() {
    TraceForest forest =
        TraceForest.of(
            List.of(
                span("b-child", id(4)).trace(OTHER_TRACE_ID).parent(id(2)).time(2, 3).build(),
                span("a-child", id(3)).parent(id(1)).time(2, 3).build(),
                span("a-root", id(1)).time(1, 10).build(),
                span("b-root", id(2)).trace(OTHER_TRACE_ID).time(0, 10).build()));

    List<SpanNode> spans = forest.spans();
    assertThat(spans).extracting(SpanNode::name).containsExactly("b-root", "b-child", "a-root", "a-child");
    spans.clear(); // the caller's own list: the forest is unchanged

    assertThat(forest.spans()).hasSize(4);
    assertThat(forest.traces().get(0).spans()).hasSize(2);
  }

  @Test
  void aCollectionGivingMoreSpansThanItsSizeSaidIsReadWhole() {
    // A concurrent collection may grow between its size and the end of its iteration.
    List<SpanData> given = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      given.add(span("s" + i, id(i)).parent(i == 1 ? null : id(i - 1)).time(i, 200 - i).build());
    }
    java.util.Collection<SpanData> growing = new java.util.AbstractCollection<>() {
      @Override
      public java.util.Iterator<SpanData> iterator() {
        return given.iterator();
      }

      @Override
      public int size() {
        return 1;
      }
    };

    Trace trace = TraceForest.of(growing).traces().get(0);

    assertThat(trace.size()).isEqualTo(100);
    assertThat(trace.span(id(100)).orElseThrow().depth()).isEqualTo(99);
  }
}
