package io.github.tracecheck.collector;

/**
 * Traces exported as OTLP JSON over HTTP ({@code otlphttp} with {@code encoding: json}) where the
 * receiver takes protobuf: JSON costs several times the CPU and bytes of protobuf on both ends.
 * {@code otlp} (gRPC, always protobuf) and the {@code file} exporter's JSON are not flagged.
 */
final class OtlpJsonExportCheck extends PipelineCheck {

  static final String NAME = "otlp-json-over-http";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void check(CollectorFile file, ConfigNode pipeline, LintResult.Builder result) {
    for (ConfigNode id : CollectorFile.componentsOfType(pipeline, "exporters", "otlphttp")) {
      ConfigNode encoding = file.node().get("exporters").get(id.string()).get("encoding");
      if (encoding.optionalString().orElse("proto").equals("json")) {
        result.add(NAME, file, encoding.path(), "exporter " + id.string() + " sends traces as OTLP JSON over"
            + " HTTP: protobuf (the default, encoding: proto) costs far less CPU and bandwidth on both ends");
      }
    }
  }
}
