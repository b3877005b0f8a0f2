package io.github.tracecheck.semconv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.testing.TestSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The readers find, from the attributes read once per node, exactly what reading each name with
 * {@code Attributes.get} finds ({@link AttributeReader}'s way, name by name): for any mix of current,
 * older and Micrometer names, of strings, numbers, numbers written as strings and values of other
 * types.
 */
class KnownAttributesTest {

  private static final List<String> NAMES = List.of(
      "http.request.method", "http.method", "method", "http.response.status_code", "http.status_code", "status",
      "url.full", "http.url", "url.path", "http.target", "http.route", "uri", "outcome", "rpc.system",
      "rpc.service", "rpc.method", "rpc.response.status_code", "rpc.grpc.status_code", "messaging.system",
      "messaging.destination.name", "messaging.destination", "messaging.operation.type", "messaging.operation",
      "messaging.destination.partition.id", "messaging.kafka.destination.partition",
      "messaging.kafka.message.offset", "messaging.kafka.offset", "db.query.text", "db.statement",
      "db.system.name", "db.system", "error.type", "thread.name", "thread.id",
      // names no reader knows, which must change nothing
      "http.request.header.authorization", "service.name", "code.function");

  /** One attribute: a name and a value of one of the types spans carry. */
  private record Attribute(String name, Object value) {}

  @Provide
  Arbitrary<List<Attribute>> attributes() {
    Arbitrary<Object> values = Arbitraries.oneOf(
        Arbitraries.of("GET", "grpc", "kafka", "SUCCESS", "UNAVAILABLE", "unavailable", "/orders/{id}",
            "https://shop.example.com/orders/7?page=2", "/orders/7?page=2", "orders", "").map(Object.class::cast),
        Arbitraries.of("503", " 404 ", "4x4", "-1", "99999999999999999999").map(Object.class::cast),
        Arbitraries.longs().between(-2, 600).map(Object.class::cast),
        Arbitraries.of(true, 2.5d, List.of("GET", "POST")).map(Object.class::cast));
    return Combinators.combine(Arbitraries.of(NAMES), values).as(Attribute::new).list().ofMaxSize(12);
  }

  @Property(tries = 2000)
  void everyReaderFindsWhatReadingEachNameFinds(@ForAll("attributes") List<Attribute> attributes) {
    SpanNode span = spanWith(attributes);

    assertThat(HttpAttributes.method(span)).isEqualTo(micrometer(span,
        AttributeReader.string(span, "http.request.method", "http.method"), AttributeReader.string(span, "method")));
    assertThat(HttpAttributes.statusCode(span)).isEqualTo(micrometer(span,
        AttributeReader.number(span, "http.response.status_code", "http.status_code"),
        AttributeReader.number(span, "status")));
    assertThat(HttpAttributes.url(span)).isEqualTo(AttributeReader.string(span, "url.full", "http.url"));
    assertThat(HttpAttributes.route(span)).isEqualTo(micrometer(span,
        AttributeReader.string(span, "http.route"), AttributeReader.string(span, "uri")));
    String target = AttributeReader.string(span, "url.path", "http.target");
    if (target != null) {
      assertThat(HttpAttributes.serverPath(span)).isEqualTo(target.split("\\?", -1)[0]);
    }
    assertThat(RpcAttributes.system(span)).isEqualTo(AttributeReader.string(span, "rpc.system"));
    assertThat(RpcAttributes.service(span)).isEqualTo(AttributeReader.string(span, "rpc.service"));
    assertThat(RpcAttributes.method(span)).isEqualTo(AttributeReader.string(span, "rpc.method"));
    assertThat(RpcAttributes.hasStatusCode(span)).isEqualTo(
        AttributeReader.string(span, "rpc.response.status_code") != null
            || AttributeReader.number(span, "rpc.grpc.status_code") != null);
    assertThat(MessagingAttributes.system(span)).isEqualTo(AttributeReader.string(span, "messaging.system"));
    assertThat(MessagingAttributes.destination(span))
        .isEqualTo(AttributeReader.string(span, "messaging.destination.name", "messaging.destination"));
    assertThat(MessagingAttributes.operation(span))
        .isEqualTo(AttributeReader.string(span, "messaging.operation.type", "messaging.operation"));
    assertThat(MessagingAttributes.kafkaOffset(span))
        .isEqualTo(AttributeReader.number(span, "messaging.kafka.message.offset", "messaging.kafka.offset"));
    String partitionId = AttributeReader.string(span, "messaging.destination.partition.id");
    Long partitionNumber = AttributeReader.number(span, "messaging.kafka.destination.partition");
    assertThat(MessagingAttributes.partition(span)).isEqualTo(
        partitionId != null ? partitionId : partitionNumber == null ? null : String.valueOf(partitionNumber));
    assertThat(DbAttributes.queryText(span)).isEqualTo(AttributeReader.string(span, "db.query.text", "db.statement"));
    assertThat(DbAttributes.system(span)).isEqualTo(AttributeReader.string(span, "db.system.name", "db.system"));
    assertThat(ErrorAttributes.errorType(span)).isEqualTo(AttributeReader.string(span, "error.type"));
    assertThat(ThreadAttributes.threadName(span)).isEqualTo(AttributeReader.string(span, "thread.name"));
    assertThat(ThreadAttributes.threadId(span)).isEqualTo(AttributeReader.number(span, "thread.id"));
  }

  /** Micrometer's generic names count only where its HTTP observations write {@code outcome}. */
  private static <T> T micrometer(SpanNode span, T semconv, T micrometers) {
    return semconv != null || AttributeReader.string(span, "outcome") == null ? semconv : micrometers;
  }

  @Test
  void aNameUnderTwoTypesIsReadAsEachTypeIsAsked() {
    // The SDK's builder keeps one type per name; an Attributes of one's own, as a reader of files may
    // build, can hold both.
    Map<AttributeKey<?>, Object> both = new LinkedHashMap<>();
    both.put(AttributeKey.longKey("http.response.status_code"), 503L);
    both.put(AttributeKey.stringKey("http.response.status_code"), "404");
    both.put(AttributeKey.stringKey("thread.id"), "seven");
    both.put(AttributeKey.longKey("thread.id"), 7L);
    both.put(AttributeKey.stringKey("thread.name"), "worker-1");
    SpanData base = TestSpans.span("GET", TestSpans.id(1)).kind(SpanKind.SERVER).build();
    SpanNode span = TraceForest.of(List.of(new DelegatingSpanData(base) {
      @Override
      public Attributes getAttributes() {
        return new MapAttributes(both);
      }
    })).spans().get(0);

    assertThat(HttpAttributes.statusCode(span)).isEqualTo(503L);
    assertThat(ThreadAttributes.threadId(span)).isEqualTo(7L);
    assertThat(ThreadAttributes.threadName(span)).isEqualTo("worker-1");
    assertThat(KnownAttributes.of(span).string(KnownAttributes.HTTP_RESPONSE_STATUS_CODE)).isEqualTo("404");
    assertThat(KnownAttributes.of(span).string(KnownAttributes.THREAD_ID)).isEqualTo("seven");
  }

  /** Attributes over a map of typed keys, as {@code Attributes} describes them. */
  private static final class MapAttributes implements Attributes {
    private final Map<AttributeKey<?>, Object> values;

    MapAttributes(Map<AttributeKey<?>, Object> values) {
      this.values = values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(AttributeKey<T> key) {
      return (T) values.get(key);
    }

    @Override
    public void forEach(BiConsumer<? super AttributeKey<?>, ? super Object> consumer) {
      values.forEach(consumer);
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public boolean isEmpty() {
      return values.isEmpty();
    }

    @Override
    public Map<AttributeKey<?>, Object> asMap() {
      return values;
    }

    @Override
    public AttributesBuilder toBuilder() {
      throw new UnsupportedOperationException("not needed by the readers");
    }
  }

  @Test
  void aNodesAttributesAreReadOnceAndKept() {
    SpanNode span = spanWith(List.of(new Attribute("http.request.method", "GET")));

    KnownAttributes first = KnownAttributes.of(span);

    assertThat(KnownAttributes.of(span)).isSameAs(first);
    assertThat(first.string(KnownAttributes.HTTP_REQUEST_METHOD)).isEqualTo("GET");
  }

  @Test
  void spansWithNoneOfTheNamesShareOneReading() {
    SpanNode one = spanWith(List.of(new Attribute("code.function", "load")));
    SpanNode other = spanWith(List.of());

    assertThat(KnownAttributes.of(one)).isSameAs(KnownAttributes.of(other));
  }

  @Test
  void aSpanReadAfterAnotherFindsNoneOfTheOthersValues() {
    SpanNode first = spanWith(List.of(
        new Attribute("http.route", "/orders/{id}"), new Attribute("error.type", "timeout"),
        new Attribute("http.status_code", "503"), new Attribute("http.status_code", 503L)));
    SpanNode second = spanWith(List.of(new Attribute("http.status_code", 200L)));

    assertThat(ErrorAttributes.errorType(first)).isEqualTo("timeout");
    assertThat(HttpAttributes.statusCode(second)).isEqualTo(200L);
    assertThat(ErrorAttributes.errorType(second)).isNull();
    assertThat(HttpAttributes.route(second)).isNull();
  }

  @SuppressWarnings("unchecked")
  private static SpanNode spanWith(List<Attribute> attributes) {
    TestSpans.Builder builder = TestSpans.span("op", TestSpans.id(1));
    for (Attribute attribute : attributes) {
      Object value = attribute.value();
      if (value instanceof String text) {
        builder.attr(attribute.name(), text);
      } else if (value instanceof Long number) {
        builder.attr(attribute.name(), number);
      } else if (value instanceof Boolean flag) {
        builder.attr(AttributeKey.booleanKey(attribute.name()), flag);
      } else if (value instanceof Double number) {
        builder.attr(AttributeKey.doubleKey(attribute.name()), number);
      } else {
        builder.attr(AttributeKey.stringArrayKey(attribute.name()), (List<String>) value);
      }
    }
    return TraceForest.of(List.of(builder.build())).spans().get(0);
  }
}
