package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

import java.util.List;

/** "Expecting trace ... to have the path A > B > C but the longest match was A > B", with the tree. */
public final class ShouldHavePath extends TraceErrorMessage {

  private final String traceId;
  private final List<String> path;
  private final String relation;
  private final int matched;
  private final String tree;

  private ShouldHavePath(
      String traceId, List<String> path, String relation, int matched, String tree) {
    this.traceId = traceId;
    this.path = path;
    this.relation = relation;
    this.matched = matched;
    this.tree = tree;
  }

  /**
   * @param relation how consecutive names relate, e.g. "each span a child of the one before"
   * @param matched how many leading names of the path were matched (the deepest match is marked)
   */
  public static ShouldHavePath shouldHavePath(
      String traceId, List<String> path, String relation, int matched, String tree) {
    return new ShouldHavePath(traceId, path, relation, matched, tree);
  }

  @Override
  String message() {
    String found =
        matched == 0
            ? "no span is named \"" + Masking.redact(path.get(0)) + "\""
            : "the longest match was " + join(path.subList(0, matched)) + " (marked), with no \""
                + Masking.redact(path.get(matched)) + "\" below it";
    return "Expecting trace " + traceId + "\nto have the path (" + relation + "):\n"
        + indent(join(path)) + "\nbut " + found + ":\n" + tree;
  }

  private static String join(List<String> names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      if (out.length() > 0) {
        out.append(" > ");
      }
      out.append('"').append(Masking.redact(name)).append('"');
    }
    return out.toString();
  }
}
