package io.github.tracecheck.collector;

import io.github.tracecheck.model.Trace;
import io.github.tracecheck.model.TraceForest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Collector's {@code tail_sampling} processor, simulated on captured traces: every policy is
 * evaluated on the whole trace, then the decisions are weighed in the Collector's order: a {@code
 * drop} policy that matched drops the trace; else an inverted "not sampled" ({@code invert_match})
 * vetoes; else any "sampled" keeps it; else an inverted "sampled" keeps it unless some policy said
 * "not sampled". The deciding policy is the first (in the configuration's order, {@code drop}
 * policies first) to give the winning decision. With {@code sample_on_first_match}, evaluation stops
 * at the first policy that samples.
 *
 * <p>Traces are decided in the order the Collector would decide them: {@code decision_wait} after
 * their first span arrived (spans arrive when they end). Rate-limited policies ({@code rate_limiting},
 * {@code composite}) count spans per second of that decision time. What is not simulated: memory
 * ({@code num_traces}, late spans after the decision, the decision caches); see the config lint
 * for those.
 */
public final class TailSamplingProcessor {

  private static final Set<String> SETTINGS = Set.of("policies", "decision_wait", "num_traces",
      "expected_new_traces_per_sec", "sample_on_first_match", "decision_cache", "block_on_overflow");

  /** The Collector's default {@code decision_wait}. */
  static final Duration DEFAULT_DECISION_WAIT = Duration.ofSeconds(30);

  private final String id;
  private final ConfigNode settings;
  private final List<String> names;
  private final boolean sampleOnFirstMatch;
  private final Duration decisionWait;

  private TailSamplingProcessor(String id, ConfigNode settings) {
    this.id = id;
    this.settings = settings.onlyKeys(SETTINGS);
    this.names = policies(settings).names();
    this.sampleOnFirstMatch = settings.get("sample_on_first_match").booleanValue(false);
    this.decisionWait = CollectorDurations.parse(settings.get("decision_wait"), DEFAULT_DECISION_WAIT);
  }

  /**
   * Reads the processor's settings, failing on anything not simulated; {@code settings} is the node
   * under {@code processors.<id>}.
   */
  static TailSamplingProcessor read(String id, ConfigNode settings) {
    return new TailSamplingProcessor(id, settings);
  }

  /** The policies in evaluation order, with their names. */
  private record Policies(List<String> names, List<SamplingPolicy> evaluators) {}

  /** Builds the policies afresh: rate budgets are their state, and each run starts without any. */
  private static Policies policies(ConfigNode settings) {
    List<String> dropNames = new ArrayList<>();
    List<SamplingPolicy> dropPolicies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<SamplingPolicy> policies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigNode node : settings.get("policies").elements()) {
      String name = SamplingPolicyReader.name(node);
      if (!seen.add(name)) {
        throw node.get("name").error("duplicate policy name \"" + name + "\"");
      }
      SamplingPolicy policy = SamplingPolicyReader.topLevel(node);
      // the Collector evaluates drop policies first: a drop decides over everything else
      boolean drop = SamplingPolicyReader.type(node).equals("drop");
      (drop ? dropNames : names).add(name);
      (drop ? dropPolicies : policies).add(policy);
    }
    if (seen.isEmpty()) {
      throw settings.get("policies").error("the tail_sampling processor needs at least one policy");
    }
    dropNames.addAll(names);
    dropPolicies.addAll(policies);
    return new Policies(List.copyOf(dropNames), List.copyOf(dropPolicies));
  }

  /** The processor's id in the configuration, e.g. {@code tail_sampling/gateway}. */
  public String id() {
    return id;
  }

  /** The policy names in evaluation order ({@code drop} policies first). */
  public List<String> policyNames() {
    return names;
  }

  /**
   * Decides every trace of the forest as the Collector would. Each call starts from fresh rate
   * budgets, as a Collector that just started.
   */
  public SamplingResult sample(TraceForest forest) {
    long waitNanos = decisionWait.toNanos();
    List<TraceUnderDecision> pending = new ArrayList<>();
    for (Trace trace : forest.traces()) {
      pending.add(new TraceUnderDecision(trace, waitNanos));
    }
    pending.sort(Comparator.comparingLong(TailSamplingProcessor::firstArrival));
    List<SamplingPolicy> evaluators = policies(settings).evaluators();
    List<TraceDecision> decisions = new ArrayList<>();
    for (TraceUnderDecision trace : pending) {
      decisions.add(decide(trace, evaluators));
    }
    return new SamplingResult(id, decisions);
  }

  private static long firstArrival(TraceUnderDecision trace) {
    return trace.spans().isEmpty() ? 0 : trace.spans().get(0).getEndEpochNanos();
  }

  private TraceDecision decide(TraceUnderDecision trace, List<SamplingPolicy> policies) {
    Map<SamplingDecision, String> firstPolicy = new EnumMap<>(SamplingDecision.class);
    for (int i = 0; i < policies.size(); i++) {
      SamplingDecision decision = policies.get(i).evaluate(trace);
      firstPolicy.putIfAbsent(decision, names.get(i));
      if (decision == SamplingDecision.DROPPED || (sampleOnFirstMatch && decision == SamplingDecision.SAMPLED)) {
        break;
      }
    }
    if (firstPolicy.containsKey(SamplingDecision.DROPPED)) {
      return new TraceDecision(trace.trace(), false, firstPolicy.get(SamplingDecision.DROPPED));
    }
    if (firstPolicy.containsKey(SamplingDecision.INVERT_NOT_SAMPLED)) {
      return new TraceDecision(trace.trace(), false, firstPolicy.get(SamplingDecision.INVERT_NOT_SAMPLED));
    }
    if (firstPolicy.containsKey(SamplingDecision.SAMPLED)) {
      return new TraceDecision(trace.trace(), true, firstPolicy.get(SamplingDecision.SAMPLED));
    }
    if (firstPolicy.containsKey(SamplingDecision.INVERT_SAMPLED)
        && !firstPolicy.containsKey(SamplingDecision.NOT_SAMPLED)) {
      return new TraceDecision(trace.trace(), true, firstPolicy.get(SamplingDecision.INVERT_SAMPLED));
    }
    return new TraceDecision(trace.trace(), false, null);
  }
}
