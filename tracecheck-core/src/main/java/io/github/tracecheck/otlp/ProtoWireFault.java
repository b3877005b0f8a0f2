package io.github.tracecheck.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a protobuf message that the decoder refused breaks: the field by its path (OTLP's JSON
 * names, e.g. {@code resourceSpans[0].scopeSpans[0].spans[2].name}) and the byte offset, found by
 * walking the wire format along the message's descriptor. The decoder itself says only what broke.
 *
 * @param path the field, or "(the message)" when the fault is between fields of the top level
 * @param offset the byte offset of the fault in the message
 * @param problem what is wrong there
 */
record ProtoWireFault(String path, long offset, String problem) {

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  /** The first fault of {@code bytes} read as {@code type}, or null when the wire format shows none. */
  static ProtoWireFault find(byte[] bytes, Descriptor type) {
    return new Walk(bytes).message(0, bytes.length, type, "");
  }

  /** One walk over a message; {@code position} is where the last varint read ended. */
  private static final class Walk {
    private final byte[] bytes;
    private int position;

    Walk(byte[] bytes) {
      this.bytes = bytes;
    }

    ProtoWireFault message(int start, int end, Descriptor type, String path) {
      Map<Integer, Integer> repeats = new HashMap<>();
      int at = start;
      while (at < end) {
        int tagAt = at;
        long tag = varint(at, end);
        String where = path.isEmpty() ? "(the message)" : path;
        if (tag < 0) {
          return new ProtoWireFault(where, tagAt, "a field tag cut off or longer than 10 bytes");
        }
        at = position;
        int number = (int) (tag >>> 3);
        int wireType = (int) (tag & 7);
        if (number == 0) {
          return new ProtoWireFault(where, tagAt, "field number 0, which protobuf does not allow");
        }
        FieldDescriptor field = type.findFieldByNumber(number);
        String fieldPath = fieldPath(path, field, number, repeats);
        switch (wireType) {
          case VARINT -> {
            if (varint(at, end) < 0) {
              return new ProtoWireFault(fieldPath, at, "a varint cut off or longer than 10 bytes");
            }
            at = position;
          }
          case FIXED64, FIXED32 -> {
            int size = wireType == FIXED64 ? 8 : 4;
            if (end - at < size) {
              return new ProtoWireFault(fieldPath, at, "a " + size * 8 + "-bit value cut off: " + (end - at) + " of " + size + " bytes left");
            }
            at += size;
          }
          case LENGTH_DELIMITED -> {
            long length = varint(at, end);
            if (length < 0) {
              return new ProtoWireFault(fieldPath, at, "a length cut off or longer than 10 bytes");
            }
            int body = position;
            if (length > end - body) {
              return new ProtoWireFault(fieldPath, at, "a length of " + length + " bytes, but only " + (end - body)
                  + " are left in the enclosing message");
            }
            ProtoWireFault inner = value(field, body, body + (int) length, fieldPath);
            if (inner != null) {
              return inner;
            }
            at = body + (int) length;
          }
          default -> {
            return new ProtoWireFault(fieldPath, tagAt, "wire type " + wireType
                + (wireType == 3 || wireType == 4 ? " (a group, which OTLP does not use)" : ", which protobuf does not have"));
          }
        }
      }
      return null;
    }

    /** A length-delimited value: a nested message is walked, a string must be UTF-8. */
    private ProtoWireFault value(FieldDescriptor field, int start, int end, String path) {
      if (field == null) {
        return null;
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        return message(start, end, field.getMessageType(), path);
      }
      if (field.getType() == FieldDescriptor.Type.STRING
          && !ByteString.copyFrom(bytes, start, end - start).isValidUtf8()) {
        return new ProtoWireFault(path, start, "a string that is not valid UTF-8");
      }
      return null;
    }

    /** The varint at {@code at}, or -1 when cut off by {@code end} or longer than 10 bytes; sets {@link #position}. */
    private long varint(int at, int end) {
      long value = 0;
      for (int shift = 0; shift < 70 && at < end; shift += 7) {
        byte b = bytes[at++];
        value |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          position = at;
          return value & Long.MAX_VALUE;
        }
      }
      return -1;
    }
  }

  private static String fieldPath(String path, FieldDescriptor field, int number, Map<Integer, Integer> repeats) {
    String name = field == null ? "(field " + number + ")" : field.getJsonName();
    String named = path.isEmpty() ? name : path + "." + name;
    if (field != null && field.isRepeated()) {
      int index = repeats.merge(number, 1, Integer::sum) - 1;
      return named + "[" + index + "]";
    }
    return named;
  }
}
