package io.github.tracecheck.assertj;

import static io.github.tracecheck.assertj.error.ShouldHaveHop.shouldHaveHop;

import io.github.tracecheck.model.SpanNode;
import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.render.SpanLabel;
import io.github.tracecheck.render.TraceTreeRenderer;
import io.opentelemetry.api.trace.SpanKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * What every hop assertion checks, whatever the protocol: a hop is the spans of the sending side
 * (CLIENT, PRODUCER, the span that submitted work to a pool) and of the receiving side (SERVER,
 * CONSUMER, the task span). A subclass says which spans belong to its hop, by their kinds and {@link
 * #isPartOfHop}, or by overriding {@link #senders()} and {@link #receivers()}.
 *
 * <ul>
 *   <li>{@link #exists()}: both sides have spans;
 *   <li>{@link #isConnected()}: every receiving span is below a sending span in the tree, or, where
 *       the protocol allows it (messaging), links to one;
 *   <li>{@link #isRemoteChildOfSender()}: every receiving span is a child of a sending span through a
 *       parent context that is remote, i.e. extracted from what crossed the wire;
 *   <li>{@link #hasProtocolAttributes()}: the spans of the hop record the attributes their semantic
 *       conventions require.
 * </ul>
 *
 * <p>Subclasses read attributes only through {@code io.github.tracecheck.semconv}, and add only what
 * is particular to their protocol. Every failure reads "Expecting &lt;the hop&gt; to have: ... but
 * found: ...", says for each span at fault why, and draws the traces with those spans marked.
 *
 * @param <SELF> the subclass, so that checks chain
 */
public abstract class AbstractHopAssert<SELF extends AbstractHopAssert<SELF>> extends AbstractAssert<SELF, TraceForest> {

  /** Spans at fault listed one by one in a failure; the tree marks them all. */
  private static final int LISTED = 10;

  protected AbstractHopAssert(TraceForest actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** How failures name the hop, e.g. {@code the HTTP hop GET /stock/sku-42}. */
  protected abstract String hop();

  /** The kind of the sending side's spans: {@code CLIENT} unless overridden. */
  protected SpanKind senderKind() {
    return SpanKind.CLIENT;
  }

  /** The kind of the receiving side's spans: {@code SERVER} unless overridden. */
  protected SpanKind receiverKind() {
    return SpanKind.SERVER;
  }

  /**
   * Whether a span of the sending or the receiving kind belongs to this hop, e.g. has its method
   * and path; every span of those kinds unless overridden.
   */
  protected boolean isPartOfHop(SpanNode span) {
    return true;
  }

  /** The spans of the sending side: those of {@link #senderKind()} that are {@link #isPartOfHop part of the hop}. */
  protected List<SpanNode> senders() {
    return spansWhere(s -> s.kind() == senderKind() && isPartOfHop(s));
  }

  /** The spans of the receiving side: those of {@link #receiverKind()} that are {@link #isPartOfHop part of the hop}. */
  protected List<SpanNode> receivers() {
    return spansWhere(s -> s.kind() == receiverKind() && isPartOfHop(s));
  }

  /** What failures call a sending span, as in "a CLIENT span": its kind unless overridden. */
  protected String senderName() {
    return senderKind().name();
  }

  /** What failures call a receiving span, as in "every SERVER span": its kind unless overridden. */
  protected String receiverName() {
    return receiverKind().name();
  }

  /** The attributes {@link #hasProtocolAttributes()} requires, for its failure, e.g. {@code http.route on the server}. */
  protected abstract String protocolAttributes();

  /** The required attributes this span of the hop does not record; empty when it records them all. */
  protected abstract List<String> missingProtocolAttributes(SpanNode span);

  /** Whether a link from a receiving span to a sending span connects them, as messaging allows for batches. */
  protected boolean linksConnect() {
    return false;
  }

  /** The spans {@link #hasProtocolAttributes()} looks at: by default both sides. */
  protected List<SpanNode> attributedSpans() {
    List<SpanNode> spans = new ArrayList<>(senders());
    spans.addAll(receivers());
    return spans;
  }

  /** The captured spans that pass the test, in tree order. */
  protected final List<SpanNode> spansWhere(Predicate<SpanNode> test) {
    List<SpanNode> found = new ArrayList<>();
    for (SpanNode span : actual.spans()) {
      if (test.test(span)) {
        found.add(span);
      }
    }
    return found;
  }

  /** The hop has at least one sending span and one receiving span. */
  public SELF exists() {
    isNotNull();
    int senders = senders().size();
    int receivers = receivers().size();
    if (senders == 0 || receivers == 0) {
      throwAssertionError(shouldHaveHop(hop(), "a " + senderName() + " span and a " + receiverName() + " span",
          senders + " " + senderName() + " span(s) and " + receivers + " " + receiverName() + " span(s)",
          TraceTreeRenderer.create().render(actual, List.of())));
    }
    return myself;
  }

  /**
   * Every receiving span is below a sending span in the tree (its child, grandchild, ...) or, where
   * the protocol allows it, links to one.
   */
  public SELF isConnected() {
    return connected(linksConnect());
  }

  /** Every receiving span is below a sending span in the tree; links do not count. */
  public SELF isConnectedByParent() {
    return connected(false);
  }

  private SELF connected(boolean linksCount) {
    exists();
    List<SpanNode> senders = senders();
    List<Fault> faults = new ArrayList<>();
    for (SpanNode receiver : receivers()) {
      boolean byParent = senders.stream().anyMatch(receiver::isDescendantOf);
      boolean byLink = linksCount && actual.linkedSpans(receiver).stream().anyMatch(senders::contains);
      if (!byParent && !byLink) {
        String how = linksCount ? "neither below a " + senderName() + " span nor linked to one"
            : "not below a " + senderName() + " span";
        faults.add(new Fault(receiver, how + "; its root: " + SpanLabel.of(receiver.root())));
      }
    }
    return failIfAny(faults, "every " + receiverName() + " span connected to a " + senderName() + " span by "
        + (linksCount ? "parent or link" : "parent"), senders);
  }

  /**
   * Every receiving span is a child of a sending span, and its parent context is remote: it was
   * extracted from what crossed the wire, as a server or consumer in another process does. A span
   * started under the sending span's local context passes {@link #isConnected()} but not this.
   */
  public SELF isRemoteChildOfSender() {
    return childOfSender(true);
  }

  /**
   * Every receiving span is a child of a sending span, through a remote parent context when {@code
   * remote}, or any.
   */
  protected final SELF childOfSender(boolean remote) {
    exists();
    List<SpanNode> senders = senders();
    List<Fault> faults = new ArrayList<>();
    for (SpanNode receiver : receivers()) {
      SpanNode parent = receiver.parent().orElse(null);
      if (parent == null) {
        faults.add(new Fault(receiver, receiver.hasMissingParent()
            ? "its parent: " + receiver.data().getParentSpanId() + ", which was not captured"
            : "its parent: none, it is a root"));
      } else if (!senders.contains(parent)) {
        faults.add(new Fault(receiver, "its parent: " + SpanLabel.of(parent) + ", not a " + senderName() + " span"));
      } else if (remote && !receiver.hasRemoteParent()) {
        faults.add(new Fault(receiver, "its parent is the " + senderName() + " span, but through a local context,"
            + " not one extracted from what crossed the wire"));
      }
    }
    return failIfAny(faults, "every " + receiverName() + " span a " + (remote ? "remote " : "") + "child of a "
        + senderName() + " span", senders);
  }

  /** The spans of the hop record the attributes their protocol's semantic conventions require. */
  public SELF hasProtocolAttributes() {
    exists();
    return hasAttributes(attributedSpans(), protocolAttributes(), this::missingProtocolAttributes);
  }

  /**
   * Fails unless every span records what {@code missing} looks for.
   *
   * @param spans the spans to look at
   * @param required what they should record, for the failure
   * @param missing what a span lacks of it; empty when nothing
   */
  protected final SELF hasAttributes(List<SpanNode> spans, String required, Function<SpanNode, List<String>> missing) {
    List<Fault> faults = new ArrayList<>();
    for (SpanNode span : spans) {
      List<String> lacking = missing.apply(span);
      if (!lacking.isEmpty()) {
        faults.add(new Fault(span, "without " + String.join(", ", lacking)));
      }
    }
    if (!faults.isEmpty()) {
      fail(required, faults.size() + " span(s) without them (marked)", faults, List.of());
    }
    return myself;
  }

  /** A span at fault, and why, for {@link #failIfAny}. */
  protected record Fault(SpanNode span, String reason) {}

  /**
   * Fails when there are receiving spans at fault: "Expecting &lt;the hop&gt; to have: &lt;expected&gt;
   * but found: N &lt;receiver&gt; span(s) that are not (marked)", one line per span saying why, then the
   * traces with them, and the spans {@code alsoMarked}, marked.
   *
   * @param alsoMarked spans to mark besides those at fault, usually the sending side
   */
  protected final SELF failIfAny(List<Fault> faults, String expected, Collection<SpanNode> alsoMarked) {
    if (!faults.isEmpty()) {
      fail(expected, faults.size() + " " + receiverName() + " span(s) that are not (marked"
          + (alsoMarked.isEmpty() ? ")" : ", with the " + senderName() + " spans)"), faults, alsoMarked);
    }
    return myself;
  }

  private void fail(String expected, String count, List<Fault> faults, Collection<SpanNode> alsoMarked) {
    StringBuilder found = new StringBuilder(count);
    Set<SpanNode> marked = new LinkedHashSet<>();
    for (Fault fault : faults) {
      if (marked.size() < LISTED) {
        found.append("\n- ").append(SpanLabel.of(fault.span())).append(": ").append(fault.reason());
      }
      marked.add(fault.span());
    }
    if (faults.size() > LISTED) {
      found.append("\n- and ").append(faults.size() - LISTED).append(" more");
    }
    marked.addAll(alsoMarked);
    throwAssertionError(shouldHaveHop(hop(), expected, found.toString(),
        TraceTreeRenderer.create().render(actual, marked)));
  }
}
