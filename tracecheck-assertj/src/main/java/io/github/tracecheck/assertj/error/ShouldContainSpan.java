package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

/** "Expecting trace ... to contain exactly one span matching ... but found N", with the tree. */
public final class ShouldContainSpan extends TraceErrorMessage {

  private final String traceId;
  private final String query;
  private final int found;
  private final String tree;

  private ShouldContainSpan(String traceId, String query, int found, String tree) {
    this.traceId = traceId;
    this.query = Masking.redact(query);
    this.found = found;
    this.tree = tree;
  }

  /**
   * @param found how many spans matched: 0, or more than one (the matches are marked in the tree)
   */
  public static ShouldContainSpan shouldContainOneSpan(
      String traceId, String query, int found, String tree) {
    return new ShouldContainSpan(traceId, query, found, tree);
  }

  @Override
  String message() {
    String what = found == 0 ? "found none" : "found " + found + " (marked)";
    return "Expecting trace " + traceId + "\nto contain exactly one span matching:\n"
        + indent(query) + "\nbut " + what + " in:\n" + tree;
  }
}
