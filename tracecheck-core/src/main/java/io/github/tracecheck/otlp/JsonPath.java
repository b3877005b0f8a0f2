package io.github.tracecheck.otlp;

/**
 * Where a value sits in a document, e.g. {@code resourceSpans[0].scopeSpans[1].spans[7].name}; the
 * text is only built for an error message, so reading a large file does not build one per field.
 */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private final String field;
  private final int index;

  private JsonPath(JsonPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  JsonPath element(int i) {
    return new JsonPath(this, null, i);
  }

  boolean isRoot() {
    return parent == null;
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    String before = parent.toString();
    if (field == null) {
      return before + "[" + index + "]";
    }
    return before.isEmpty() ? field : before + "." + field;
  }
}
