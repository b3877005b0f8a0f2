package io.github.tracecheck.model.internal;

import io.github.tracecheck.model.SpanNode;

/**
 * Each {@link SpanNode}'s one slot for what a reader derives from the node's span once and keeps
 * (the semantic-convention attributes, read in a single pass over the span's keys): nodes never
 * change, so neither does what is derived from them. The slot is the model's private field; the
 * model hands over the means to reach it when {@link SpanNode} is initialized, so that it is no
 * method of the public {@code SpanNode}.
 *
 * <p>The slot is a plain field (a fence per node would cost more than the reading saves): a value
 * stored must be immutable, with final fields, so that a thread that reads it without
 * synchronization sees it whole. Threads that race on a node may each derive and store it: they
 * store equal values.
 */
public final class DerivedSlot {

  /** Reads and writes the slot of a node. */
  public interface Access {
    /** The value kept on the node; null until one is stored. */
    Object get(SpanNode node);

    /** Keeps the value on the node. */
    void set(SpanNode node, Object value);
  }

  private static volatile Access access;

  private DerivedSlot() {}

  /**
   * Called once, by {@link SpanNode}'s class initializer.
   *
   * @throws IllegalStateException when called a second time
   */
  public static synchronized void bind(Access given) {
    if (access != null) {
      throw new IllegalStateException("the slot of span nodes is bound already");
    }
    access = given;
  }

  /** The value kept on the node; null until one is stored. */
  public static Object get(SpanNode node) {
    return access().get(node);
  }

  /** Keeps the value on the node: an immutable one, with final fields (see the class comment). */
  public static void set(SpanNode node, Object value) {
    access().set(node, value);
  }

  private static Access access() {
    Access bound = access;
    if (bound == null) {
      // A node handed over without synchronization: initializing its class (again a no-op) shows the binding.
      try {
        Class.forName(SpanNode.class.getName(), true, SpanNode.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      bound = access;
    }
    return bound;
  }
}
