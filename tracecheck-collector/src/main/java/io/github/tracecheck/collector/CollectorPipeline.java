package io.github.tracecheck.collector;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processors of an OpenTelemetry Collector's traces pipeline, loaded from its YAML, applied to
 * captured spans: so that a test can check that no PII survives the redaction rules the team
 * deploys.
 *
 * <pre>{@code
 * CollectorPipeline collector = CollectorPipeline.load(Path.of("deploy/otel-collector.yaml"));
 * assertThat(collector.apply(traces.snapshot())).hasNoPii();
 * }</pre>
 *
 * <p>Supported processors: {@code transform} (an OTTL subset, see {@link OttlStatement}) and {@code
 * redaction}; {@code batch} and {@code memory_limiter} pass spans through. Any other processor in
 * the pipeline is a {@link CollectorConfigException}: tracecheck cannot know what it does.
 */
public final class CollectorPipeline {

  private static final Set<String> PASS_THROUGH = Set.of("batch", "memory_limiter");

  private final List<Processor> processors;
  private final TailSamplingProcessor tailSampling;
  private final int processorsBeforeTailSampling;

  private CollectorPipeline(List<Processor> processors, TailSamplingProcessor tailSampling, int before) {
    this.processors = processors;
    this.tailSampling = tailSampling;
    this.processorsBeforeTailSampling = before;
  }

  /** Loads the first traces pipeline of the configuration file. */
  public static CollectorPipeline load(Path file) {
    return fromMap(CollectorYaml.read(file), null);
  }

  /**
   * Loads a traces pipeline from the configuration text.
   *
   * @param pipeline the pipeline's id, e.g. {@code traces/pii}; null for the first traces pipeline
   */
  public static CollectorPipeline fromYaml(String yaml, String pipeline) {
    return fromMap(CollectorYaml.parse(yaml), pipeline);
  }

  /** The pipeline of an already parsed configuration; for the lint. */
  static CollectorPipeline of(Map<String, Object> root, String pipeline) {
    return fromMap(root, pipeline);
  }

  @SuppressWarnings("unchecked")
  private static CollectorPipeline fromMap(Map<String, Object> root, String pipeline) {
    Map<String, Object> processorConfigs = map(root.get("processors"), "processors");
    Map<String, Object> pipelines = map(map(root.get("service"), "service").get("pipelines"), "service.pipelines");
    String chosen = null;
    for (String id : pipelines.keySet()) {
      if ((pipeline == null && (id.equals("traces") || id.startsWith("traces/"))) || id.equals(pipeline)) {
        chosen = id;
        break;
      }
    }
    if (chosen == null) {
      throw new CollectorConfigException(
          "no " + (pipeline == null ? "traces pipeline" : "pipeline '" + pipeline + "'") + " in service.pipelines");
    }
    Object ids = map(pipelines.get(chosen), "service.pipelines." + chosen).getOrDefault("processors", List.of());
    List<Processor> processors = new ArrayList<>();
    TailSamplingProcessor tailSampling = null;
    int before = 0;
    for (Object idObject : (List<Object>) ids) {
      String id = String.valueOf(idObject);
      String type = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
      Object config = processorConfigs.get(id);
      if (config == null && !processorConfigs.containsKey(id)) {
        throw new CollectorConfigException("pipeline " + chosen + " uses processor '" + id + "', which is not configured");
      }
      Map<String, Object> settings = config == null ? Map.of() : map(config, "processors." + id);
      if (type.equals("transform")) {
        processors.add(new TransformProcessor(id, settings));
      } else if (type.equals("redaction")) {
        processors.add(new RedactionProcessor(id, settings));
      } else if (type.equals("tail_sampling")) {
        if (tailSampling != null) {
          throw new CollectorConfigException("pipeline " + chosen + " has two tail_sampling processors, '"
              + tailSampling.id() + "' and '" + id + "'; tracecheck simulates one");
        }
        tailSampling = TailSamplingProcessor.read(id, new ConfigNode("processors." + id, settings));
        before = processors.size();
      } else if (!PASS_THROUGH.contains(type)) {
        throw new CollectorConfigException(
            "pipeline " + chosen + ": processor '" + id + "' of type '" + type + "' is not supported; tracecheck"
                + " applies transform and redaction, simulates tail_sampling, and passes batch and memory_limiter"
            + " through");
      }
    }
    return new CollectorPipeline(processors, tailSampling, before);
  }

  /**
   * The spans as the pipeline's span processors would export them. A {@code tail_sampling}
   * processor keeps every trace here: use {@link #sample(TraceForest)} for its decisions.
   */
  public List<SpanData> apply(Collection<? extends SpanData> spans) {
    return apply(spans, processors);
  }

  private static List<SpanData> apply(Collection<? extends SpanData> spans, List<Processor> processors) {
    List<SpanData> out = new ArrayList<>(spans.size());
    for (SpanData span : spans) {
      SpanRecord record = new SpanRecord(span);
      for (Processor processor : processors) {
        processor.apply(record);
      }
      out.add(record.toSpanData());
    }
    return out;
  }

  /**
   * What the pipeline's {@code tail_sampling} processor would decide for each captured trace, after
   * the processors before it in the pipeline changed the spans. The decisions hold the traces as
   * the tail-sampling processor received them.
   *
   * <pre>{@code
   * assertThat(collector.sample(traces.snapshot())).keepsEveryTraceWith(StatusCode.ERROR);
   * }</pre>
   *
   * @throws CollectorConfigException if the pipeline has no {@code tail_sampling} processor
   */
  public SamplingResult sample(TraceForest forest) {
    if (tailSampling == null) {
      throw new CollectorConfigException("the pipeline has no tail_sampling processor (processors: "
          + String.join(", ", processorIds()) + ")");
    }
    List<SpanData> spans = new ArrayList<>(forest.spanCount());
    for (SpanNode node : forest.spans()) {
      spans.add(node.data());
    }
    return tailSampling.sample(TraceForest.of(apply(spans, processors.subList(0, processorsBeforeTailSampling))));
  }

  /** The pipeline's {@code tail_sampling} processor, if it has one. */
  public Optional<TailSamplingProcessor> tailSampling() {
    return Optional.ofNullable(tailSampling);
  }

  /** The captured traces as the pipeline would export them. */
  public TraceForest apply(TraceForest forest) {
    List<SpanData> spans = new ArrayList<>(forest.spanCount());
    for (SpanNode node : forest.spans()) {
      spans.add(node.data());
    }
    return TraceForest.of(apply(spans));
  }

  /** The ids of the processors applied, in order. */
  public List<String> processorIds() {
    return processors.stream().map(Processor::id).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value == null) {
      throw new CollectorConfigException("the Collector configuration has no '" + where + "'");
    }
    if (!(value instanceof Map)) {
      throw new CollectorConfigException("'" + where + "' must be a mapping");
    }
    return (Map<String, Object>) value;
  }
}
