package io.github.tracecheck.collector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Collector's {@code redaction} processor on span attributes: keys not allowed are deleted
 * (unless {@code allow_all_keys}), values of keys matching {@code blocked_key_patterns} are masked,
 * and parts of values matching {@code blocked_values} (unless they match {@code allowed_values}) are
 * masked with {@code ****} or, with {@code hash_function}, replaced by their hash. {@code
 * ignored_keys} are left alone.
 */
final class RedactionProcessor implements Processor {

  private static final Set<String> KEYS =
      Set.of("allow_all_keys", "allowed_keys", "ignored_keys", "blocked_key_patterns", "blocked_values",
          "allowed_values", "hash_function", "summary");
  private static final String MASK = "****";

  private final String id;
  private final boolean allowAllKeys;
  private final List<String> allowedKeys;
  private final List<String> ignoredKeys;
  private final List<Pattern> blockedKeyPatterns;
  private final List<Pattern> blockedValues;
  private final List<Pattern> allowedValues;
  private final String hashFunction;

  RedactionProcessor(String id, Map<String, Object> config) {
    this.id = id;
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        throw new CollectorConfigException("processor " + id + ": setting '" + key + "' is not supported");
      }
    }
    this.allowAllKeys = Boolean.parseBoolean(String.valueOf(config.getOrDefault("allow_all_keys", false)));
    this.allowedKeys = strings(config, "allowed_keys");
    this.ignoredKeys = strings(config, "ignored_keys");
    this.blockedKeyPatterns = patterns(config, "blocked_key_patterns");
    this.blockedValues = patterns(config, "blocked_values");
    this.allowedValues = patterns(config, "allowed_values");
    Object hash = config.get("hash_function");
    this.hashFunction = hash == null ? null : String.valueOf(hash).toLowerCase(Locale.ROOT);
    if (hashFunction != null && !Set.of("md5", "sha1", "sha3").contains(hashFunction)) {
      throw new CollectorConfigException("processor " + id + ": hash_function '" + hash + "' is not md5, sha1 or sha3");
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void apply(SpanRecord span) {
    for (Iterator<Map.Entry<String, Object>> it = span.span.attributes.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Object> entry = it.next();
      String key = entry.getKey();
      if (ignoredKeys.contains(key)) {
        continue;
      }
      if (!allowAllKeys && !allowedKeys.contains(key)) {
        it.remove();
        continue;
      }
      if (!(entry.getValue() instanceof String)) {
        continue;
      }
      String value = (String) entry.getValue();
      if (blockedKeyPatterns.stream().anyMatch(p -> p.matcher(key).find())) {
        entry.setValue(mask(value));
        continue;
      }
      entry.setValue(maskBlockedValues(value));
    }
  }

  private String maskBlockedValues(String value) {
    if (allowedValues.stream().anyMatch(p -> p.matcher(value).find())) {
      return value;
    }
    String result = value;
    for (Pattern blocked : blockedValues) {
      Matcher matcher = blocked.matcher(result);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        matcher.appendReplacement(out, Matcher.quoteReplacement(mask(matcher.group())));
      }
      matcher.appendTail(out);
      result = out.toString();
    }
    return result;
  }

  private String mask(String value) {
    if (hashFunction == null) {
      return MASK;
    }
    String algorithm = hashFunction.equals("md5") ? "MD5" : hashFunction.equals("sha1") ? "SHA-1" : "SHA3-256";
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }

  private List<String> strings(Map<String, Object> config, String key) {
    Object value = config.getOrDefault(key, List.of());
    if (!(value instanceof List)) {
      throw new CollectorConfigException("processor " + id + ": " + key + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Object element : (List<?>) value) {
      out.add(String.valueOf(element));
    }
    return out;
  }

  private List<Pattern> patterns(Map<String, Object> config, String key) {
    List<Pattern> out = new ArrayList<>();
    for (String regex : strings(config, key)) {
      out.add(Re2Regex.compile(regex, "processor " + id + ", " + key));
    }
    return out;
  }
}
