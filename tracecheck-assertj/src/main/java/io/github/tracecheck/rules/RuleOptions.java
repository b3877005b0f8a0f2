package io.github.tracecheck.rules;

/** Settings that change what the rules consider correct. Immutable. */
public final class RuleOptions {

  private static final RuleOptions DEFAULTS = new RuleOptions(true);

  private final boolean linksConnect;

  private RuleOptions(boolean linksConnect) {
    this.linksConnect = linksConnect;
  }

  /** Links connect consumers to producers, as the messaging conventions allow. */
  public static RuleOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Whether a consumer span that links to its producer counts as connected (the messaging semantic
   * conventions say batch receive/process spans SHOULD link to each message's creation context).
   * Turn off to require parent-child propagation.
   */
  public RuleOptions withLinksConnect(boolean value) {
    return new RuleOptions(value);
  }

  public boolean linksConnect() {
    return linksConnect;
  }
}
