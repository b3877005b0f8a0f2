package io.github.tracecheck.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.github.tracecheck.otlp.OtlpJsonWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reports write as OTLP JSON loads back, with the command line's reader, into the same trees. */
class OtlpRoundTripTest {

  @Test
  void writtenSpansLoadBackIntoTheSameTrees() throws Exception {
    TraceForest original = TraceForest.of(OtlpJsonReader.read(Path.of("src/test/resources/broken.jsonl")));

    String written = OtlpJsonWriter.write(original);
    TraceForest loaded = TraceForest.of(OtlpJsonReader.read(new StringReader(written), "written"));

    assertThat(TraceTreeRenderer.create().render(loaded)).isEqualTo(TraceTreeRenderer.create().render(original));
    assertThat(loaded.spans()).extracting(SpanNode::spanId).containsExactlyElementsOf(
        original.spans().stream().map(SpanNode::spanId).toList());
    List<SpanNode> withEvents = loaded.spans().stream().filter(s -> !s.data().getEvents().isEmpty()).toList();
    assertThat(withEvents).singleElement().satisfies(s ->
        assertThat(s.data().getEvents().get(0).getName()).isEqualTo("exception"));
    assertThat(loaded.spans().get(0).data().getResource()).isEqualTo(original.spans().get(0).data().getResource());
  }
}
