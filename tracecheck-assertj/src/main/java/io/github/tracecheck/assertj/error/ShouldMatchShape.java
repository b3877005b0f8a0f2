package io.github.tracecheck.assertj.error;

import io.github.tracecheck.pii.Masking;

/** "Expecting trace ... to match the shape ... but ...", with the tree and the mismatch marked. */
public final class ShouldMatchShape extends TraceErrorMessage {

  private final String traceId;
  private final String mode;
  private final String shape;
  private final String mismatch;
  private final String tree;

  private ShouldMatchShape(String traceId, String mode, String shape, String mismatch, String tree) {
    this.traceId = traceId;
    this.mode = mode;
    this.shape = Masking.redact(shape);
    this.mismatch = Masking.redact(mismatch);
    this.tree = tree;
  }

  /**
   * @param mode "exactly" or "at least"
   * @param shape the expected shape, drawn
   * @param mismatch the first difference found, one sentence
   */
  public static ShouldMatchShape shouldMatchShape(
      String traceId, String mode, String shape, String mismatch, String tree) {
    return new ShouldMatchShape(traceId, mode, shape, mismatch, tree);
  }

  @Override
  String message() {
    return "Expecting trace " + traceId + "\nto match " + mode + " the shape:\n" + indent(shape)
        + "\nbut " + mismatch + "\nin:\n" + tree;
  }
}
