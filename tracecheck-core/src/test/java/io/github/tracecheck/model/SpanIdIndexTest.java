package io.github.tracecheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanIdIndexTest {

  @Test
  void idsOfOneHashMoveTheIndexToATreeAndTheProbesStayLinear() {
    List<String> ids = CollidingSpanIds.withHash(0x5eed, 2_000);
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id.hashCode()).isEqualTo(0x5eed));
    SpanIdIndex index = new SpanIdIndex();
    index.clear(ids.size());

    for (int i = 0; i < ids.size(); i++) {
      assertThat(index.putIfAbsent(ids.get(i), ids.get(i).hashCode(), i)).isEqualTo(-1);
    }
    for (int i = 0; i < ids.size(); i++) {
      assertThat(index.get(ids.get(i), 0x5eed)).isEqualTo(i);
      assertThat(index.putIfAbsent(ids.get(i), 0x5eed, -7)).isEqualTo(i);
    }
    String absent = CollidingSpanIds.withHash(0x5eed, 2_001).get(2_000);
    assertThat(index.get(absent, 0x5eed)).isEqualTo(-1);

    assertThat(index.movedToTree()).isTrue();
    // Probing every colliding id in the table would take about two million probes.
    assertThat(index.probes()).isLessThan(1_000);
  }

  @Test
  void randomIdsStayInTheTableWithAboutOneProbeALookup() {
    Random random = new Random(11);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(String.format("%016x", random.nextLong() | 1));
    }
    SpanIdIndex index = new SpanIdIndex();
    index.clear(ids.size());

    for (int i = 0; i < ids.size(); i++) {
      index.putIfAbsent(ids.get(i), ids.get(i).hashCode(), i);
    }
    for (int i = 0; i < ids.size(); i++) {
      // an equal string, not the same one: found by its text
      String same = new String(ids.get(i).toCharArray());
      assertThat(index.get(same, same.hashCode())).isEqualTo(i);
    }

    assertThat(index.movedToTree()).isFalse();
    assertThat(index.probes()).isLessThan(2L * ids.size());
  }

  @Test
  void clearingForTheNextTraceForgetsTheLastOnesIdsAndLeavesTheTree() {
    SpanIdIndex index = new SpanIdIndex();
    List<String> colliding = CollidingSpanIds.withHash(42, 500);
    index.clear(colliding.size());
    for (int i = 0; i < colliding.size(); i++) {
      index.putIfAbsent(colliding.get(i), 42, i);
    }
    assertThat(index.movedToTree()).isTrue();

    index.clear(3);

    assertThat(index.movedToTree()).isFalse();
    assertThat(index.get(colliding.get(0), 42)).isEqualTo(-1);
    assertThat(index.putIfAbsent("00000000000000a1", "00000000000000a1".hashCode(), 0)).isEqualTo(-1);
    assertThat(index.get("00000000000000a1", "00000000000000a1".hashCode())).isEqualTo(0);
    assertThat(index.probes()).isZero();
  }
}
