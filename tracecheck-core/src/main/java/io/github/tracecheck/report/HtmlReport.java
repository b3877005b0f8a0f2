package io.github.tracecheck.report;

import io.github.tracecheck.internal.Json;
import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.pii.Masking;
import io.github.tracecheck.rules.Finding;
import io.opentelemetry.api.common.AttributeKey;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One self-contained HTML page for a test: the findings, and each trace as a tree on a timeline,
 * each span expandable to its attributes. No network access is needed to view it; the data is
 * embedded as JSON and drawn by a small script. Values are masked like every other report.
 */
public final class HtmlReport {

  private HtmlReport() {}

  public static String of(String title, TraceForest forest, List<Finding> findings) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>tracecheck: " + html(title)
        + "</title>\n<style>" + STYLE + "</style></head>\n<body>\n<h1>" + html(title) + "</h1>\n"
        + "<section id=\"findings\"></section>\n<section id=\"traces\"></section>\n"
        + "<script id=\"data\" type=\"application/json\">" + data(title, forest, findings) + "</script>\n"
        + "<script>" + SCRIPT + "</script>\n</body></html>\n";
  }

  static String data(String title, TraceForest forest, List<Finding> findings) {
    Set<SpanNode> marked = new HashSet<>();
    StringJoiner findingsJson = new StringJoiner(",", "[", "]");
    for (Finding finding : findings) {
      StringJoiner spans = new StringJoiner(",", "[", "]");
      finding.span().ifPresent(s -> {
        marked.add(s);
        spans.add(Json.string(s.spanId()));
      });
      finding.related().forEach(s -> spans.add(Json.string(s.spanId())));
      findingsJson.add("{\"rule\":" + Json.string(finding.rule()) + ",\"message\":" + Json.string(Masking.redact(finding.message()))
          + ",\"cause\":" + Json.string(Masking.redact(finding.likelyCause())) + ",\"spans\":" + spans + "}");
    }
    StringJoiner traces = new StringJoiner(",", "[", "]");
    for (Trace trace : forest.traces()) {
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      for (SpanNode span : trace.spans()) {
        start = Math.min(start, span.startEpochNanos());
        end = Math.max(end, span.endEpochNanos());
      }
      StringJoiner spans = new StringJoiner(",", "[", "]");
      for (SpanNode span : trace.spans()) {
        StringJoiner attributes = new StringJoiner(",", "[", "]");
        for (Map.Entry<AttributeKey<?>, Object> entry : span.data().getAttributes().asMap().entrySet()) {
          attributes.add("[" + Json.string(Masking.redact(entry.getKey().getKey())) + "," + Json.string(Masking.redact(String.valueOf(entry.getValue()))) + "]");
        }
        spans.add("{\"id\":" + Json.string(span.spanId())
            + ",\"name\":" + Json.string(Masking.redact(span.name()))
            + ",\"kind\":" + Json.string(span.kind().name())
            + ",\"service\":" + Json.string(Masking.redact(span.serviceName()))
            + ",\"depth\":" + span.depth()
            + ",\"start\":" + (span.startEpochNanos() - start) / 1000
            + ",\"end\":" + (span.endEpochNanos() - start) / 1000
            + ",\"status\":" + Json.string(span.data().getStatus().getStatusCode().name())
            + ",\"marked\":" + marked.contains(span)
            + ",\"attributes\":" + attributes + "}");
      }
      traces.add("{\"traceId\":" + Json.string(trace.traceId()) + ",\"duration\":" + Math.max(1, (end - start) / 1000)
          + ",\"spans\":" + spans + "}");
    }
    return "{\"title\":" + Json.string(title) + ",\"findings\":" + findingsJson + ",\"traces\":" + traces + "}";
  }

  static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static final String STYLE =
      "body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.3em}"
          + ".finding{border-left:4px solid #c62828;background:#fff3f3;padding:.5em .8em;margin:.5em 0}"
          + ".finding .rule{font-weight:bold;color:#c62828}.finding .cause{color:#555;margin-top:.3em}"
          + ".ok{border-left:4px solid #2e7d32;background:#f1f8f1;padding:.5em .8em}"
          + ".trace{margin:1.2em 0}.trace h2{font-size:1em;font-family:monospace}"
          + "details.span>summary{display:grid;grid-template-columns:minmax(20em,40%) 1fr;align-items:center;cursor:pointer;"
          + "list-style:none;padding:1px 0}details.span>summary:hover{background:#f4f4f4}"
          + ".label{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-family:monospace;font-size:12px}"
          + ".lane{position:relative;height:12px;background:#fafafa}.bar{position:absolute;top:1px;height:10px;"
          + "min-width:2px;background:#5c8fd6;border-radius:2px}.ERROR .bar{background:#c62828}"
          + ".marked>summary .label{color:#c62828;font-weight:bold}"
          + "table.attrs{font:12px monospace;margin:.2em 0 .6em 2em;border-collapse:collapse}"
          + "table.attrs td{border-bottom:1px solid #eee;padding:1px 8px}";

  private static final String SCRIPT =
      "(function(){const t0=performance.now();"
          + "const data=JSON.parse(document.getElementById('data').textContent);"
          + "const el=(tag,cls,text)=>{const e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;};"
          + "const f=document.getElementById('findings');"
          + "if(data.findings.length===0){f.appendChild(el('div','ok','No findings.'));}"
          + "else{f.appendChild(el('h2',null,data.findings.length+' finding'+(data.findings.length>1?'s':'')));"
          + "for(const x of data.findings){const d=el('div','finding');d.appendChild(el('span','rule','['+x.rule+'] '));"
          + "d.appendChild(el('span','message',x.message));d.appendChild(el('div','cause','likely cause: '+x.cause));f.appendChild(d);}}"
          + "const ts=document.getElementById('traces');"
          + "for(const t of data.traces){const section=el('section','trace');"
          + "section.appendChild(el('h2',null,'trace '+t.traceId+' ('+t.spans.length+' spans, '+(t.duration/1000).toFixed(1)+' ms)'));"
          + "const frag=document.createDocumentFragment();"
          + "for(const s of t.spans){const d=el('details','span '+s.status+(s.marked?' marked':''));d.dataset.spanId=s.id;"
          + "const sum=el('summary');const label=el('div','label',(s.marked?'>> ':'')+'\\u00a0'.repeat(Math.min(s.depth,32)*2)"
          + "+s.name+' ['+s.kind+'] '+s.service);sum.appendChild(label);"
          + "const lane=el('div','lane');const bar=el('div','bar');bar.style.left=(100*s.start/t.duration)+'%';"
          + "bar.style.width=(100*Math.max(s.end-s.start,0)/t.duration)+'%';bar.title=((s.end-s.start)/1000).toFixed(1)+' ms';"
          + "lane.appendChild(bar);sum.appendChild(lane);d.appendChild(sum);"
          + "const table=el('table','attrs');for(const [k,v] of s.attributes){const r=el('tr');r.appendChild(el('td',null,k));"
          + "r.appendChild(el('td',null,v));table.appendChild(r);}d.appendChild(table);frag.appendChild(d);}"
          + "section.appendChild(frag);ts.appendChild(section);}"
          + "document.body.dataset.renderMs=(performance.now()-t0).toFixed(1);document.body.dataset.rendered='true';})();";
}
