package io.github.tracecheck.rules;

import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import java.util.List;

/** Settings that change what the rules consider correct. Immutable. */
public final class RuleOptions {

  private static final RuleOptions DEFAULTS = new RuleOptions(true, Detectors.defaults(), List.of(), List.of(), true);

  private final boolean linksConnect;
  private final List<PiiDetector> piiDetectors;
  private final List<PiiAllowance> piiAllowances;
  private final List<EntryPoint> entryPoints;
  private final boolean collapseRepeatedOrphans;

  private RuleOptions(
      boolean linksConnect,
      List<PiiDetector> piiDetectors,
      List<PiiAllowance> piiAllowances,
      List<EntryPoint> entryPoints,
      boolean collapseRepeatedOrphans) {
    this.linksConnect = linksConnect;
    this.piiDetectors = List.copyOf(piiDetectors);
    this.piiAllowances = List.copyOf(piiAllowances);
    this.entryPoints = List.copyOf(entryPoints);
    this.collapseRepeatedOrphans = collapseRepeatedOrphans;
  }

  /** Links connect consumers to producers; the default PII detectors; nothing allowed; no declared entry points. */
  public static RuleOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Whether a consumer span that links to its producer counts as connected (the messaging semantic
   * conventions say batch receive/process spans SHOULD link to each message's creation context).
   * Turn off to require parent-child propagation.
   */
  public RuleOptions withLinksConnect(boolean value) {
    return new RuleOptions(value, piiDetectors, piiAllowances, entryPoints, collapseRepeatedOrphans);
  }

  /** The detectors the PII rule runs (default: {@link Detectors#defaults()}). */
  public RuleOptions withPiiDetectors(List<PiiDetector> detectors) {
    return new RuleOptions(linksConnect, detectors, piiAllowances, entryPoints, collapseRepeatedOrphans);
  }

  /** Detections the PII rule does not report. */
  public RuleOptions withPiiAllowances(List<PiiAllowance> allowances) {
    return new RuleOptions(linksConnect, piiDetectors, allowances, entryPoints, collapseRepeatedOrphans);
  }

  /** Roots the orphaned-root rule accepts because the user declared them entry points. */
  public RuleOptions withEntryPoints(List<EntryPoint> declared) {
    return new RuleOptions(linksConnect, piiDetectors, piiAllowances, declared, collapseRepeatedOrphans);
  }

  /**
   * Whether orphans of one cause are reported as one finding with a count (the default), or each on
   * its own. A check that sees a run in parts - the windowed stream - reports each: one finding per
   * root is the same whatever the parts.
   */
  public RuleOptions withRepeatedOrphansCollapsed(boolean value) {
    return new RuleOptions(linksConnect, piiDetectors, piiAllowances, entryPoints, value);
  }

  public boolean repeatedOrphansCollapsed() {
    return collapseRepeatedOrphans;
  }

  public boolean linksConnect() {
    return linksConnect;
  }

  public List<PiiDetector> piiDetectors() {
    return piiDetectors;
  }

  public List<PiiAllowance> piiAllowances() {
    return piiAllowances;
  }

  public List<EntryPoint> entryPoints() {
    return entryPoints;
  }
}
