package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

/**
 * "Expecting the HTTP hop GET /stock/sku-42 to have: ... but found: ...", followed by the drawn
 * traces with the spans at fault marked: the failure of every hop assertion (HTTP, gRPC, Kafka,
 * worker pools).
 */
public final class ShouldHaveHop extends TraceErrorMessage {

  private final String hop;
  private final String expected;
  private final String found;
  private final String tree;

  private ShouldHaveHop(String hop, String expected, String found, String tree) {
    this.hop = Masking.redact(hop);
    this.expected = Masking.redact(expected);
    this.found = Masking.redact(found);
    this.tree = tree;
  }

  /**
   * @param hop the hop, e.g. {@code the gRPC hop shop.Inventory/Reserve}
   * @param expected what every span of the hop should be, one line
   * @param found what was found instead: a count, then one line per span at fault
   * @param tree the drawn traces, with the spans at fault marked
   */
  public static ShouldHaveHop shouldHaveHop(String hop, String expected, String found, String tree) {
    return new ShouldHaveHop(hop, expected, found, tree);
  }

  @Override
  String message() {
    return "Expecting " + hop + " to have:\n" + indent(expected) + "\nbut found:\n" + indent(found) + "\n" + tree;
  }
}
