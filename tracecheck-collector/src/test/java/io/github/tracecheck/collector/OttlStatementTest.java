package io.github.tracecheck.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each supported OTTL function and condition on one span, checked against what the Collector does. */
class OttlStatementTest {

  private static SpanData span() {
    return TestSpanData.builder()
        .setName("GET /users/42")
        .setKind(SpanKind.SERVER)
        .setSpanContext(SpanContext.getInvalid())
        .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
        .setStatus(StatusData.unset())
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("host.owner"), "ops@example.com")))
        .setAttributes(Attributes.builder()
            .put("http.method", "GET")
            .put("http.target", "/users/42?token=abc&x=1")
            .put("user.password", "hunter2")
            .put("user.name", "jane")
            .put("long", "0123456789")
            .put("count", 3L)
            .build())
        .setEvents(List.of(EventData.create(1, "exception", Attributes.of(AttributeKey.stringKey("exception.message"), "bad jane@example.com"))))
        .setTotalRecordedEvents(1)
        .build();
  }

  private static SpanData apply(String context, String... statements) {
    StringBuilder yaml = new StringBuilder("processors:\n  transform:\n    trace_statements:\n      - context: " + context + "\n        statements:\n");
    for (String statement : statements) {
      yaml.append("          - '").append(statement.replace("'", "''")).append("'\n");
    }
    yaml.append("service:\n  pipelines:\n    traces:\n      processors: [transform]\n");
    return CollectorPipeline.fromYaml(yaml.toString(), null).apply(List.of(span())).get(0);
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }

  @Test
  void replacePatternWithGoTemplates() {
    SpanData out = apply("span", "replace_pattern(attributes[\"http.target\"], \"token=([^&]+)\", \"token=<$1>\")");
    assertThat(attribute(out, "http.target")).isEqualTo("/users/42?token=<abc>&x=1");
    // Go reads $1x as the group named "1x", which does not exist: it expands to nothing.
    out = apply("span", "replace_pattern(attributes[\"http.target\"], \"token=([^&]+)\", \"token=$1x\")");
    assertThat(attribute(out, "http.target")).isEqualTo("/users/42?token=&x=1");
    out = apply("span", "replace_pattern(attributes[\"http.target\"], \"token=(?P<t>[^&]+)\", \"token=${t}-$$\")");
    assertThat(attribute(out, "http.target")).isEqualTo("/users/42?token=abc-$&x=1");
  }

  @Test
  void mapEditors() {
    SpanData out = apply("span",
        "replace_all_patterns(attributes, \"value\", \"jane\", \"***\")",
        "replace_all_patterns(attributes, \"key\", \"^user\\\\.\", \"u.\")",
        "delete_matching_keys(attributes, \"(?i)password\")",
        "truncate_all(attributes, 4)",
        "delete_key(attributes, \"http.method\")");
    assertThat(out.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
        .containsExactlyInAnyOrder("http.target", "u.name", "long", "count");
    assertThat(attribute(out, "u.name")).isEqualTo("***");
    assertThat(attribute(out, "long")).isEqualTo("0123");
    assertThat(out.getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(3L);

    out = apply("span", "keep_keys(attributes, [\"http.method\", \"count\"])");
    assertThat(out.getAttributes().size()).isEqualTo(2);
  }

  @Test
  void replaceMatchSetAndConditions() {
    SpanData out = apply("span",
        "replace_match(name, \"GET /users/*\", \"GET /users/{id}\")",
        "set(attributes[\"redacted\"], \"yes\") where attributes[\"http.method\"] == \"GET\" and IsMatch(attributes[\"http.target\"], \"token=\")",
        "set(attributes[\"never\"], \"x\") where attributes[\"http.method\"] != \"GET\" or attributes[\"missing\"] != nil",
        "set(attributes[\"copied\"], attributes[\"user.name\"]) where not name == \"other\"");
    assertThat(out.getName()).isEqualTo("GET /users/{id}");
    assertThat(attribute(out, "redacted")).isEqualTo("yes");
    assertThat(attribute(out, "never")).isNull();
    assertThat(attribute(out, "copied")).isEqualTo("jane");
  }

  @Test
  void eventAndResourceContexts() {
    SpanData out = apply("spanevent", "replace_all_patterns(attributes, \"value\", \"\\\\S+@\\\\S+\", \"<email>\")");
    assertThat(out.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("bad <email>");
    out = apply("resource", "delete_key(attributes, \"host.owner\")");
    assertThat(out.getResource().getAttributes().isEmpty()).isTrue();
  }

  @Test
  void redactionProcessorSettings() {
    String yaml = CollectorPipelineTest.pipeline("redaction",
        "allowed_keys: [http.target, user.name, user.password]\n"
            + "    ignored_keys: [count]\n"
            + "    blocked_key_patterns: ['.*password.*']\n"
            + "    blocked_values: ['token=[a-z]+']\n"
            + "    hash_function: sha1");
    SpanData out = CollectorPipeline.fromYaml(yaml, null).apply(List.of(span())).get(0);
    assertThat(out.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
        .containsExactlyInAnyOrder("http.target", "user.name", "user.password", "count");
    assertThat(attribute(out, "user.password")).isEqualTo("f3bbbd66a63d4bf1747940578ec3d0103530e21d");
    assertThat(attribute(out, "http.target")).startsWith("/users/42?").endsWith("&x=1").doesNotContain("abc");
  }

  private static final List<String> MANY_SPANS_STATEMENTS = List.of(
      "replace_pattern(attributes[\"http.target\"], \"token=([^&]+)\", \"token=<$1>\")",
      "replace_all_patterns(attributes, \"value\", \"\\\\S+@\\\\S+\", \"<email>\")",
      "delete_matching_keys(attributes, \"^password\")",
      "replace_match(name, \"GET /users/*\", \"GET /users/{id}\")",
      "set(attributes[\"ends.with.one\"], true) where IsMatch(attributes[\"http.target\"], \"x=1$\")");

  private static SpanData numbered(int i) {
    return TestSpanData.builder()
        .setName(i % 2 == 0 ? "GET /users/" + i : "POST /users")
        .setKind(SpanKind.SERVER)
        .setSpanContext(SpanContext.getInvalid())
        .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
        .setStatus(StatusData.unset())
        .setAttributes(Attributes.builder()
            .put("http.target", "/users/" + i + "?token=t" + i + "&x=" + i % 3)
            .put("user.email", "user" + i + "@example.com")
            .put("password." + i % 4, "secret" + i)
            .put("count", (long) i)
            .build())
        .build();
  }

  private static List<OttlStatement> parse(List<String> statements) {
    List<OttlStatement> parsed = new ArrayList<>();
    for (String statement : statements) {
      parsed.add(OttlStatement.parse(statement, "span", "test"));
    }
    return parsed;
  }

  private static SpanData applyTo(List<OttlStatement> statements, SpanData span) {
    SpanRecord record = new SpanRecord(span);
    OttlStatement.applyAll(statements, record);
    return record.toSpanData();
  }

  private static Map<String, Object> attributes(SpanData span) {
    Map<String, Object> map = new LinkedHashMap<>();
    span.getAttributes().forEach((key, value) -> map.put(key.getKey(), value));
    return map;
  }

  @Test
  void oneParsedStatementListGivesEverySpanTheSameResultAsParsingItForThatSpan() {
    List<OttlStatement> parsedOnce = parse(MANY_SPANS_STATEMENTS);

    for (int i = 0; i < 3_000; i++) {
      SpanData out = applyTo(parsedOnce, numbered(i));

      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("http.target", "/users/" + i + "?token=<t" + i + ">&x=" + i % 3);
      expected.put("user.email", "<email>");
      expected.put("count", (long) i);
      if (i % 3 == 1) {
        expected.put("ends.with.one", true);
      }
      assertThat(attributes(out)).as("span %d", i).isEqualTo(expected);
      assertThat(out.getName()).as("span %d", i).isEqualTo(i % 2 == 0 ? "GET /users/{id}" : "POST /users");

      SpanData parsedForThisSpan = applyTo(parse(MANY_SPANS_STATEMENTS), numbered(i));
      assertThat(attributes(out)).isEqualTo(attributes(parsedForThisSpan));
      assertThat(out.getName()).isEqualTo(parsedForThisSpan.getName());
    }
  }
}
