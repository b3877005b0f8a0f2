package io.github.tracecheck.otlp;

/**
 * Where a value sits in a document, e.g. {@code resourceSpans[0].scopeSpans[1].spans[7].name}; the
 * text is only built for an error message, so reading a large file does not build one per field.
 * The cursor walks an object's fields (an array's elements) with one path moved from field to
 * field ({@link #fieldSlot()}, {@link #elementSlot()}) rather than a new one each: an error's text is
 * built when the error is made, while the path still says where the reading is, and no path is kept.
 */
final class JsonPath {

  static final JsonPath ROOT = new JsonPath(null, null, -1);

  private final JsonPath parent;
  private String field;
  private int index;

  private JsonPath(JsonPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  /** A path to one field after another of this object: {@link #at(String)} moves it. */
  JsonPath fieldSlot() {
    return new JsonPath(this, "", -1);
  }

  /** A path to one element after another of this array: {@link #at(int)} moves it. */
  JsonPath elementSlot() {
    return new JsonPath(this, null, 0);
  }

  /** This slot, now at the field {@code name}. */
  JsonPath at(String name) {
    field = name;
    return this;
  }

  /** This slot, now at the element {@code i}. */
  JsonPath at(int i) {
    index = i;
    return this;
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
