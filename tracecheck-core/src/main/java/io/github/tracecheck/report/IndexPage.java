package io.github.tracecheck.report;

import java.util.List;

/** The index of a run's reports: every reported test, its outcome, its findings, and links. */
public final class IndexPage {

  /** One reported test. */
  public static final class Entry {
    final String test;
    final String outcome;
    final int findings;
    final String directory;

    /** @param directory the test's report directory, relative to the index */
    public Entry(String test, String outcome, int findings, String directory) {
      this.test = test;
      this.outcome = outcome;
      this.findings = findings;
      this.directory = directory;
    }
  }

  private IndexPage() {}

  public static String of(List<Entry> entries) {
    StringBuilder rows = new StringBuilder();
    for (Entry e : entries) {
      String dir = HtmlReport.html(e.directory);
      rows.append("<tr class=\"").append(e.findings > 0 || !e.outcome.equals("passed") ? "bad" : "good").append("\"><td>")
          .append(HtmlReport.html(e.test)).append("</td><td>").append(HtmlReport.html(e.outcome)).append("</td><td>")
          .append(e.findings).append("</td><td><a href=\"").append(dir).append("/trace.html\">trace</a> &middot; <a href=\"")
          .append(dir).append("/spans.otlp.json\">OTLP JSON</a> &middot; <a href=\"").append(dir)
          .append("/hops.mmd\">Mermaid</a></td></tr>\n");
    }
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>tracecheck reports</title>\n<style>"
        + "body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{padding:3px 10px;"
        + "border-bottom:1px solid #ddd;text-align:left}.bad td:first-child{border-left:4px solid #c62828}"
        + ".good td:first-child{border-left:4px solid #2e7d32}</style></head>\n<body><h1>tracecheck reports</h1>\n"
        + "<table><tr><th>test</th><th>outcome</th><th>findings</th><th>reports</th></tr>\n" + rows + "</table></body></html>\n";
  }
}
