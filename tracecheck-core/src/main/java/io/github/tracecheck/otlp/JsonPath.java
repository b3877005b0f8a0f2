package io.github.tracecheck.otlp;

/**
 * Where a value sits in a document, e.g. {@code resourceSpans[0].scopeSpans[1].spans[7].name}; the
 * text is only built for an error message, so reading a large file does not build one per field.
 * The cursor walks an object's fields (an array's elements) with one path moved from field to
 * field ({@link #fieldSlot()}, {@link #elementSlot()}) rather than a new one each: an error's text is
 * built when the error is made, while the path still says where the reading is, and no path is kept.
 *
 * <p>A path also keeps its slots once made and hands the same ones out again: the reading goes depth
 * first, so of the children of one path only one is read at a time, and a stream of millions of
 * spans makes a few dozen paths rather than ten per span. Hence each reader has its own {@link
 * #root()}: paths are not shared between readers (nor threads).
 */
final class JsonPath {

  private final JsonPath parent;
  private String field;
  private int index;
  private JsonPath fieldSlot;
  private JsonPath elementSlot;

  private JsonPath(JsonPath parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /** The path of a document, for one reader: the paths below it are moved and used again as it reads. */
  static JsonPath root() {
    return new JsonPath(null, null, -1);
  }

  /** A new path to the field {@code name} of this object, e.g. for an error about a field that is missing. */
  JsonPath field(String name) {
    return new JsonPath(this, name, -1);
  }

  /** A path to one field after another of this object: {@link #at(String)} moves it. It is the same slot each time. */
  JsonPath fieldSlot() {
    if (fieldSlot == null) {
      fieldSlot = new JsonPath(this, "", -1);
    }
    return fieldSlot;
  }

  /** A path to one element after another of this array: {@link #at(int)} moves it. It is the same slot each time. */
  JsonPath elementSlot() {
    if (elementSlot == null) {
      elementSlot = new JsonPath(this, null, 0);
    }
    return elementSlot;
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
