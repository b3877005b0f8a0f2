package io.github.tracecheck.otlp;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpJsonWriterTest {

  private static final String EMAIL = "jane.doe@example.com";
  private static final String MASKED = "j***@e***.com";

  @Test
  void masksPersonalDataInAttributeKeysAsInValues() throws Exception {
    SpanData leaky = span("signup " + EMAIL, id(1))
        .attr(EMAIL, "subscribed")
        .attr("user.email", EMAIL)
        .attr(AttributeKey.stringArrayKey("cc"), List.of(EMAIL))
        .exception("java.lang.IllegalStateException", "no account for " + EMAIL)
        .status(StatusCode.ERROR, "rejected " + EMAIL)
        .build();

    String written = OtlpJsonWriter.write(TraceForest.of(List.of(leaky)));

    assertThat(written).doesNotContain(EMAIL)
        .contains("\"key\":\"" + MASKED + "\",\"value\":{\"stringValue\":\"subscribed\"}")
        .contains("\"key\":\"user.email\",\"value\":{\"stringValue\":\"" + MASKED + "\"}")
        .contains("\"values\":[{\"stringValue\":\"" + MASKED + "\"}]")
        .contains("\"name\":\"signup " + MASKED + "\"")
        .contains("\"stringValue\":\"no account for " + MASKED + "\"")
        .contains("\"message\":\"rejected " + MASKED + "\"");
    SpanData read = OtlpJsonReader.read(new StringReader(written), "written").get(0);
    assertThat(read.getAttributes().get(AttributeKey.stringKey(MASKED))).isEqualTo("subscribed");
  }

  @Test
  void writesTheDocumentToAWriterItLeavesOpen() throws Exception {
    TraceForest forest = TraceForest.of(List.of(span("GET /", id(1)).build()));
    StringWriter text = new StringWriter();
    Writer out = new BufferedWriter(text);

    OtlpJsonWriter.write(forest, out);
    out.write("\n"); // a closed BufferedWriter would throw
    out.flush();

    assertThat(text.toString()).isEqualTo(OtlpJsonWriter.write(forest) + "\n");
  }
}
