package io.github.tracecheck.collector;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link CollectorConfigLint} found: the findings, and apart from them what it could not check
 * (a pipeline with a processor tracecheck cannot apply), which is never a finding.
 */
public final class LintResult {

  private final List<ConfigFinding> findings;
  private final List<String> notChecked;

  private LintResult(List<ConfigFinding> findings, List<String> notChecked) {
    this.findings = List.copyOf(findings);
    this.notChecked = List.copyOf(notChecked);
  }

  public List<ConfigFinding> findings() {
    return findings;
  }

  /** What could not be checked, and why, one sentence each. */
  public List<String> notChecked() {
    return notChecked;
  }

  /** The findings and what was not checked, one per line, as the command line prints them. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(findings.isEmpty() ? "no problems found" : "found " + findings.size()
        + (findings.size() == 1 ? " problem" : " problems")).append('\n');
    for (ConfigFinding finding : findings) {
      out.append("  ").append(finding).append('\n');
    }
    for (String skipped : notChecked) {
      out.append("  not checked: ").append(skipped).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render();
  }

  static final class Builder {
    private final List<ConfigFinding> findings = new ArrayList<>();
    private final List<String> notChecked = new ArrayList<>();

    void add(String check, CollectorFile file, String path, String message) {
      findings.add(new ConfigFinding(check, file.name(), path, message));
    }

    void notChecked(String what) {
      notChecked.add(what);
    }

    LintResult build() {
      return new LintResult(findings, notChecked);
    }
  }
}
