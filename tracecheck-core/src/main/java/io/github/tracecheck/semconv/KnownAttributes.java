package io.github.tracecheck.semconv;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.internal.DerivedSlot;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import java.util.function.BiConsumer;

/**
 * The string and number values a span has under the attribute names the readers of this package
 * know, read in one pass over the span's keys and kept on its node. The SDK's {@code
 * Attributes.get} scans the span's keys one by one, and the readers ask for several names per span
 * (current, older and Micrometer's), rule after rule: each node is read once instead.
 *
 * <p>A value is found exactly as {@code Attributes.get} finds it: a string under a key of type
 * STRING, a number under one of type LONG; values of other types are not kept.
 */
final class KnownAttributes {

  // The names, one bit each (at most 64).
  static final int HTTP_REQUEST_METHOD = 0;
  static final int HTTP_METHOD = 1;
  static final int METHOD = 2;
  static final int HTTP_RESPONSE_STATUS_CODE = 3;
  static final int HTTP_STATUS_CODE = 4;
  static final int STATUS = 5;
  static final int URL_FULL = 6;
  static final int HTTP_URL = 7;
  static final int URL_PATH = 8;
  static final int HTTP_TARGET = 9;
  static final int HTTP_ROUTE = 10;
  static final int URI = 11;
  static final int OUTCOME = 12;
  static final int RPC_SYSTEM = 13;
  static final int RPC_SERVICE = 14;
  static final int RPC_METHOD = 15;
  static final int RPC_RESPONSE_STATUS_CODE = 16;
  static final int RPC_GRPC_STATUS_CODE = 17;
  static final int MESSAGING_SYSTEM = 18;
  static final int MESSAGING_DESTINATION_NAME = 19;
  static final int MESSAGING_DESTINATION = 20;
  static final int MESSAGING_OPERATION_TYPE = 21;
  static final int MESSAGING_OPERATION = 22;
  static final int MESSAGING_DESTINATION_PARTITION_ID = 23;
  static final int MESSAGING_KAFKA_DESTINATION_PARTITION = 24;
  static final int MESSAGING_KAFKA_MESSAGE_OFFSET = 25;
  static final int MESSAGING_KAFKA_OFFSET = 26;
  static final int DB_QUERY_TEXT = 27;
  static final int DB_STATEMENT = 28;
  static final int DB_SYSTEM_NAME = 29;
  static final int DB_SYSTEM = 30;
  static final int ERROR_TYPE = 31;
  static final int THREAD_NAME = 32;
  static final int THREAD_ID = 33;

  /** Spans with none of the names (most internal spans) share this one. */
  private static final KnownAttributes NONE = new KnownAttributes(0, null);

  // Which names are present, and their values in the order of the names' bits, so that a name's
  // value is found by counting the present bits below it, with no search. Final: a node's reading is
  // shared between threads without synchronization (see DerivedSlot).
  private final long present;
  private final Object[] values;

  private KnownAttributes(long present, Object[] values) {
    this.present = present;
    this.values = values;
  }

  /** How many names there are: one more than the highest bit. */
  private static final int NAME_COUNT = THREAD_ID + 1;

  /**
   * A reading per thread, used again for every span: reading a span's attributes then makes only the
   * kept array of values and the result, however many of the names the span has.
   */
  private static final ThreadLocal<Reading> READING = ThreadLocal.withInitial(Reading::new);

  /** The known values of the span, read on first use and kept on its node. */
  static KnownAttributes of(SpanNode span) {
    Object kept = DerivedSlot.get(span);
    if (kept instanceof KnownAttributes known) {
      return known;
    }
    Reading reading = READING.get();
    reading.clear();
    span.data().getAttributes().forEach(reading);
    KnownAttributes read = reading.result();
    DerivedSlot.set(span, read);
    return read;
  }

  /** One pass over a span's attributes, keeping the values under the known names. */
  private static final class Reading implements BiConsumer<AttributeKey<?>, Object> {
    private long present;
    // Indexed by the name's bit; only the present names' slots are set, and they are cleared when read.
    private final Object[] byName = new Object[NAME_COUNT];

    void clear() {
      for (long bits = present; bits != 0; bits &= bits - 1) {
        byName[Long.numberOfTrailingZeros(bits)] = null;
      }
      present = 0;
    }

    @Override
    public void accept(AttributeKey<?> key, Object value) {
      AttributeType type = key.getType();
      if (type != AttributeType.STRING && type != AttributeType.LONG) {
        return;
      }
      int name = nameOf(key.getKey());
      if (name < 0) {
        return;
      }
      long bit = 1L << name;
      if ((present & bit) != 0) {
        Object first = byName[name];
        // The same name under the other type: both are kept, as a map of typed keys keeps them.
        if (first instanceof Typed || (first instanceof String) == (type == AttributeType.STRING)) {
          return; // a key met twice: the first one stands, as Attributes.get finds it
        }
        byName[name] = first instanceof String text ? new Typed(text, (Long) value) : new Typed((String) value, (Long) first);
        return;
      }
      present |= bit;
      byName[name] = value;
    }

    /** What was read, the values in the order of their names' bits; the reading is left clear. */
    KnownAttributes result() {
      if (present == 0) {
        return NONE;
      }
      Object[] values = new Object[Long.bitCount(present)];
      int slot = 0;
      for (long bits = present; bits != 0; bits &= bits - 1) {
        int name = Long.numberOfTrailingZeros(bits);
        values[slot++] = byName[name];
        byName[name] = null;
      }
      KnownAttributes read = new KnownAttributes(present, values);
      present = 0;
      return read;
    }
  }

  /** A name kept under both types. */
  private record Typed(String text, Long number) {}

  /** The string under the first of the names that has one, or null. */
  String string(int name) {
    if ((present & (1L << name)) == 0) {
      return null;
    }
    Object value = valueOf(name);
    return value instanceof Typed typed ? typed.text() : value instanceof String text ? text : null;
  }

  String string(int name, int older) {
    String value = string(name);
    return value != null ? value : string(older);
  }

  /**
   * The number under the name, or the string under it when it is a number (Micrometer writes numbers
   * as strings); null otherwise.
   */
  Long number(int name) {
    if ((present & (1L << name)) == 0) {
      return null;
    }
    Object value = valueOf(name);
    Long number = value instanceof Typed typed ? typed.number() : value instanceof Long l ? l : null;
    if (number != null) {
      return number;
    }
    String text = value instanceof Typed typed ? typed.text() : (String) value;
    if (text != null) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        // not a number: treated as absent
      }
    }
    return null;
  }

  Long number(int name, int older) {
    Long value = number(name);
    return value != null ? value : number(older);
  }

  private Object valueOf(int name) {
    return values[slotOf(present, name)];
  }

  private static int slotOf(long present, int name) {
    return Long.bitCount(present & ((1L << name) - 1));
  }

  /** The bit of an attribute name the readers know; -1 for any other name. */
  private static int nameOf(String key) {
    return switch (key) {
      case "http.request.method" -> HTTP_REQUEST_METHOD;
      case "http.method" -> HTTP_METHOD;
      case "method" -> METHOD;
      case "http.response.status_code" -> HTTP_RESPONSE_STATUS_CODE;
      case "http.status_code" -> HTTP_STATUS_CODE;
      case "status" -> STATUS;
      case "url.full" -> URL_FULL;
      case "http.url" -> HTTP_URL;
      case "url.path" -> URL_PATH;
      case "http.target" -> HTTP_TARGET;
      case "http.route" -> HTTP_ROUTE;
      case "uri" -> URI;
      case "outcome" -> OUTCOME;
      case "rpc.system" -> RPC_SYSTEM;
      case "rpc.service" -> RPC_SERVICE;
      case "rpc.method" -> RPC_METHOD;
      case "rpc.response.status_code" -> RPC_RESPONSE_STATUS_CODE;
      case "rpc.grpc.status_code" -> RPC_GRPC_STATUS_CODE;
      case "messaging.system" -> MESSAGING_SYSTEM;
      case "messaging.destination.name" -> MESSAGING_DESTINATION_NAME;
      case "messaging.destination" -> MESSAGING_DESTINATION;
      case "messaging.operation.type" -> MESSAGING_OPERATION_TYPE;
      case "messaging.operation" -> MESSAGING_OPERATION;
      case "messaging.destination.partition.id" -> MESSAGING_DESTINATION_PARTITION_ID;
      case "messaging.kafka.destination.partition" -> MESSAGING_KAFKA_DESTINATION_PARTITION;
      case "messaging.kafka.message.offset" -> MESSAGING_KAFKA_MESSAGE_OFFSET;
      case "messaging.kafka.offset" -> MESSAGING_KAFKA_OFFSET;
      case "db.query.text" -> DB_QUERY_TEXT;
      case "db.statement" -> DB_STATEMENT;
      case "db.system.name" -> DB_SYSTEM_NAME;
      case "db.system" -> DB_SYSTEM;
      case "error.type" -> ERROR_TYPE;
      case ThreadAttributes.THREAD_NAME -> THREAD_NAME;
      case ThreadAttributes.THREAD_ID -> THREAD_ID;
      default -> -1;
    };
  }
}
