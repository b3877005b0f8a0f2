package io.github.tracecheck.collector;

import io.opentelemetry.api.trace.StatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads one policy of the {@code tail_sampling} processor ({@code name}, {@code type} and the
 * type's settings) into a {@link SamplingPolicy}. A type tracecheck does not simulate, or a setting
 * it does not know, fails with the YAML path: a skipped policy would make every check pass for
 * nothing.
 */
final class SamplingPolicyReader {

  /** The policies that look at the trace itself, allowed at every level. */
  static final Set<String> SHARED_TYPES = Set.of("always_sample", "latency", "status_code", "probabilistic",
      "string_attribute", "numeric_attribute", "boolean_attribute", "span_count", "trace_state",
      "ottl_condition", "rate_limiting");

  private static final Set<String> TOP_LEVEL_TYPES = union(SHARED_TYPES, Set.of("and", "not", "drop", "composite"));
  private static final Set<String> COMPOSITE_SUB_TYPES = union(SHARED_TYPES, Set.of("and"));

  private SamplingPolicyReader() {}

  /** A top-level policy: any supported type. */
  static SamplingPolicy topLevel(ConfigNode node) {
    return read(node, TOP_LEVEL_TYPES);
  }

  static String name(ConfigNode node) {
    String name = node.get("name").optionalString().orElse("");
    if (name.isEmpty()) {
      throw node.error("a policy needs a name");
    }
    return name;
  }

  static String type(ConfigNode node) {
    return node.get("type").optionalString().orElseThrow(() -> node.error("a policy needs a type"));
  }

  private static SamplingPolicy read(ConfigNode node, Set<String> allowed) {
    String type = type(node);
    if (!allowed.contains(type)) {
      throw node.get("type").error(TOP_LEVEL_TYPES.contains(type) || type.equals("and")
          ? "policy type '" + type + "' is not allowed here by the Collector"
          : "policy type '" + type + "' is not simulated by tracecheck (supported: " + String.join(", ", sorted(TOP_LEVEL_TYPES)) + ")");
    }
    node.onlyKeys(Set.of("name", "type", type));
    ConfigNode settings = node.get(type);
    switch (type) {
      case "always_sample":
        return SimplePolicies.alwaysSample();
      case "latency":
        settings.onlyKeys(Set.of("threshold_ms", "upper_threshold_ms"));
        return SimplePolicies.latency(
            settings.get("threshold_ms").longValue(0), settings.get("upper_threshold_ms").longValue(0));
      case "status_code":
        return statusCode(settings);
      case "probabilistic":
        settings.onlyKeys(Set.of("hash_salt", "sampling_percentage"));
        return new ProbabilisticPolicy(settings.get("hash_salt").optionalString().orElse(""),
            settings.get("sampling_percentage").doubleValue(0));
      case "string_attribute":
        return stringAttribute(settings);
      case "numeric_attribute":
        return numericAttribute(settings);
      case "boolean_attribute":
        settings.onlyKeys(Set.of("key", "value", "invert_match"));
        return AttributePolicy.bool(key(settings), settings.get("value").booleanValue(false),
            settings.get("invert_match").booleanValue(false));
      case "span_count":
        settings.onlyKeys(Set.of("min_spans", "max_spans"));
        return SimplePolicies.spanCount(settings.get("min_spans").longValue(0), settings.get("max_spans").longValue(0));
      case "trace_state":
        return traceState(settings);
      case "ottl_condition":
        return ottlCondition(settings);
      case "rate_limiting":
        settings.onlyKeys(Set.of("spans_per_second"));
        return SimplePolicies.rateLimiting(settings.get("spans_per_second").longValue(0));
      case "and":
        settings.onlyKeys(Set.of("and_sub_policy"));
        return CombiningPolicies.and(subPolicies(settings.get("and_sub_policy"), SHARED_TYPES));
      case "drop":
        settings.onlyKeys(Set.of("drop_sub_policy"));
        return CombiningPolicies.drop(subPolicies(settings.get("drop_sub_policy"), SHARED_TYPES));
      case "not":
        settings.onlyKeys(Set.of("not_sub_policy"));
        ConfigNode sub = settings.get("not_sub_policy");
        if (!sub.isPresent()) {
          throw sub.error("is missing");
        }
        return CombiningPolicies.not(read(sub, SHARED_TYPES));
      default:
        return composite(settings);
    }
  }

  private static List<SamplingPolicy> subPolicies(ConfigNode list, Set<String> allowed) {
    List<SamplingPolicy> policies = new ArrayList<>();
    for (ConfigNode element : list.elements()) {
      policies.add(read(element, allowed));
    }
    if (policies.isEmpty()) {
      throw list.error("needs at least one sub-policy");
    }
    return policies;
  }

  private static String key(ConfigNode settings) {
    return settings.get("key").optionalString().orElseThrow(() -> settings.get("key").error("is missing"));
  }

  private static SamplingPolicy statusCode(ConfigNode settings) {
    settings.onlyKeys(Set.of("status_codes"));
    Set<StatusCode> codes = new HashSet<>();
    for (ConfigNode code : settings.get("status_codes").elements()) {
      switch (code.string()) {
        case "OK" -> codes.add(StatusCode.OK);
        case "ERROR" -> codes.add(StatusCode.ERROR);
        case "UNSET" -> codes.add(StatusCode.UNSET);
        default -> throw code.error("unknown status code \"" + code.string() + "\"; the Collector accepts OK, ERROR, UNSET");
      }
    }
    if (codes.isEmpty()) {
      throw settings.get("status_codes").error("needs at least one status code");
    }
    return SimplePolicies.statusCode(codes);
  }

  private static SamplingPolicy stringAttribute(ConfigNode settings) {
    settings.onlyKeys(Set.of("key", "values", "enabled_regex_matching", "cache_max_size", "invert_match"));
    List<String> values = settings.get("values").strings();
    Predicate<String> matcher;
    if (settings.get("enabled_regex_matching").booleanValue(false)) {
      // Go's MatchString: a match anywhere in the value, not the whole value.
      List<Pattern> patterns = new ArrayList<>();
      List<ConfigNode> elements = settings.get("values").elements();
      for (int i = 0; i < values.size(); i++) {
        patterns.add(Re2Regex.compile(values.get(i), elements.get(i).path()));
      }
      matcher = value -> patterns.stream().anyMatch(p -> p.matcher(value).find());
    } else {
      Set<String> exact = new HashSet<>(values);
      exact.remove("");
      matcher = exact::contains;
    }
    return AttributePolicy.string(key(settings), matcher, settings.get("invert_match").booleanValue(false));
  }

  /** An unset (or 0) bound is no bound, as the Collector reads it. */
  private static SamplingPolicy numericAttribute(ConfigNode settings) {
    settings.onlyKeys(Set.of("key", "min_value", "max_value", "invert_match"));
    long min = settings.get("min_value").longValue(0);
    long max = settings.get("max_value").longValue(0);
    if (min == 0 && max == 0) {
      throw settings.error("numeric_attribute needs min_value or max_value");
    }
    return AttributePolicy.numeric(key(settings), min == 0 ? Long.MIN_VALUE : min, max == 0 ? Long.MAX_VALUE : max,
        settings.get("invert_match").booleanValue(false));
  }

  private static SamplingPolicy traceState(ConfigNode settings) {
    settings.onlyKeys(Set.of("key", "values"));
    String key = key(settings);
    Set<String> values = new HashSet<>();
    for (String value : settings.get("values").strings()) {
      // a key=value member of the trace state is at most 256 characters; longer values never match
      if (!value.isEmpty() && key.length() + value.length() < 256) {
        values.add(value);
      }
    }
    return SimplePolicies.traceState(key, values);
  }

  private static SamplingPolicy ottlCondition(ConfigNode settings) {
    settings.onlyKeys(Set.of("error_mode", "span", "spanevent"));
    String errorMode = settings.get("error_mode").optionalString().orElse("propagate");
    if (!Set.of("propagate", "ignore", "silent").contains(errorMode)) {
      throw settings.get("error_mode").error("must be propagate, ignore or silent");
    }
    List<OttlSyntax.Condition> span = new ArrayList<>();
    for (ConfigNode condition : settings.get("span").elements()) {
      span.add(OttlParser.parseCondition(condition.string(), "span", condition.path()));
    }
    List<OttlSyntax.Condition> spanEvent = new ArrayList<>();
    for (ConfigNode condition : settings.get("spanevent").elements()) {
      spanEvent.add(OttlParser.parseCondition(condition.string(), "spanevent", condition.path()));
    }
    if (span.isEmpty() && spanEvent.isEmpty()) {
      throw settings.error("ottl_condition needs span or spanevent conditions");
    }
    return new OttlConditionPolicy(span, spanEvent);
  }

  private static SamplingPolicy composite(ConfigNode settings) {
    settings.onlyKeys(Set.of("max_total_spans_per_second", "policy_order", "composite_sub_policy", "rate_allocation"));
    long maxTotal = settings.get("max_total_spans_per_second").longValue(0);
    List<ConfigNode> subs = settings.get("composite_sub_policy").elements();
    if (subs.isEmpty()) {
      throw settings.get("composite_sub_policy").error("needs at least one sub-policy");
    }
    Map<String, Double> allocations = new HashMap<>();
    for (ConfigNode allocation : settings.get("rate_allocation").elements()) {
      allocation.onlyKeys(Set.of("policy", "percent"));
      long percent = allocation.get("percent").longValue(0);
      allocations.put(allocation.get("policy").string(),
          percent > 0 ? percent / 100.0 * maxTotal : (double) maxTotal / subs.size());
    }
    List<CombiningPolicies.Allocated> allocated = new ArrayList<>();
    for (ConfigNode sub : subs) {
      // Go converts the float allocation to int64 by truncation
      long spansPerSecond = (long) (double) allocations.getOrDefault(name(sub), 0.0);
      allocated.add(new CombiningPolicies.Allocated(read(sub, COMPOSITE_SUB_TYPES), spansPerSecond));
    }
    return CombiningPolicies.composite(allocated, maxTotal);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    return Set.copyOf(union);
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
