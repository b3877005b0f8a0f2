package io.github.tracecheck.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Runs a list of detectors over texts, reading each text once for all of them: one pass finds the
 * cues every built-in detector needs before it can match (an {@code @}, a run of digits, {@code eyJ},
 * {@code PRIVATE KEY}, ...), and only the detectors whose cue is there run their exact expressions
 * and validators. Detectors of one's own (other than {@link RegexDetector}s derived from the
 * built-in ones) run on every text. What is found is exactly what each detector's {@link
 * PiiDetector#find} finds, in the order of the detectors.
 *
 * <p>A scanner is immutable and may be shared between threads.
 */
public final class PiiScanner {

  /**
   * A value found in a text and the detector that found it, which knows how to mask it.
   *
   * @param detector the detector that found the value
   * @param match where the value is in the text
   */
  public record Found(PiiDetector detector, PiiMatch match) {}

  /**
   * What a scan found, and whether any detector had to run its expression on the text, rather than
   * the text's cues ruling them all out: the scans worth keeping for a text's next occurrence.
   *
   * @param found what the detectors found, detector by detector
   * @param ranDetectors whether any detector ran on the text
   */
  public record Result(List<Found> found, boolean ranDetectors) {

    private static final Result NO_CUE = new Result(List.of(), false);
    private static final Result NOTHING_FOUND = new Result(List.of(), true);

    /** A result holding a copy of what was found. */
    public Result {
      found = List.copyOf(found);
    }
  }

  private static final BiConsumer<PiiDetector, String> NOTHING = (detector, text) -> {};

  private final PiiDetector[] detectors;
  private final int[] cues;
  // Every detector's cue together, and whether one runs on every text: most texts hold none of these cues.
  private final int anyCue;
  private final boolean everyText;
  private final BiConsumer<PiiDetector, String> onRun;

  private PiiScanner(List<? extends PiiDetector> detectors, BiConsumer<PiiDetector, String> onRun) {
    this.detectors = detectors.toArray(new PiiDetector[0]);
    this.cues = new int[this.detectors.length];
    int any = 0;
    boolean every = false;
    for (int i = 0; i < cues.length; i++) {
      PiiDetector detector = Objects.requireNonNull(this.detectors[i], "detector #" + i);
      cues[i] = cueOf(detector);
      any |= cues[i];
      every |= cues[i] == TextCues.ALWAYS;
    }
    this.anyCue = any;
    this.everyText = every;
    this.onRun = onRun;
  }

  /** The cue a detector needs before it can find anything; {@link TextCues#ALWAYS} for detectors of one's own. */
  private static int cueOf(PiiDetector detector) {
    if (detector instanceof RegexDetector regex && regex.getClass() == RegexDetector.class) {
      return regex.cue();
    }
    return detector instanceof PhoneNumberDetector phone ? phone.cue() : TextCues.ALWAYS;
  }

  /** A scanner running these detectors. */
  public static PiiScanner of(List<? extends PiiDetector> detectors) {
    return new PiiScanner(detectors, NOTHING);
  }

  /** A scanner telling {@code onRun} each time a detector runs on a text: how tests see which ones are skipped. */
  static PiiScanner observed(List<? extends PiiDetector> detectors, BiConsumer<PiiDetector, String> onRun) {
    return new PiiScanner(detectors, onRun);
  }

  /** Every value the detectors find in the text, detector by detector; empty for the many texts with none. */
  public List<Found> scan(String text) {
    return scanned(text).found();
  }

  /** What {@link #scan} finds, and whether it ran any detector on the text. */
  public Result scanned(String text) {
    int present = TextCues.of(text);
    if (!everyText && (present & anyCue) == 0) {
      return Result.NO_CUE;
    }
    boolean ran = false;
    List<Found> found = List.of();
    for (int i = 0; i < detectors.length; i++) {
      int cue = cues[i];
      if (cue != TextCues.ALWAYS && (present & cue) == 0) {
        continue;
      }
      PiiDetector detector = detectors[i];
      ran = true;
      onRun.accept(detector, text);
      for (PiiMatch match : detector.find(text)) {
        if (found.isEmpty()) {
          found = new ArrayList<>(2);
        }
        found.add(new Found(detector, match));
      }
    }
    if (found.isEmpty()) {
      return ran ? Result.NOTHING_FOUND : Result.NO_CUE;
    }
    return new Result(found, true);
  }
}
