package io.github.tracecheck.assertj.error;

import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * Base of tracecheck's failure messages: AssertJ's "Expecting ... but ..." text followed by the
 * drawn trace tree. Trees and span labels are inserted verbatim (not through a
 * {@link Representation}), so that they print as drawn rather than as quoted strings.
 */
abstract class TraceErrorMessage implements ErrorMessageFactory {

  @Override
  public final String create(Description description, Representation representation) {
    String value = description == null ? null : description.value();
    String prefix = value == null || value.isEmpty() ? "" : "[" + value + "] ";
    return prefix + "\n" + message();
  }

  @Override
  public final String create(Description description) {
    return create(description, null);
  }

  @Override
  public final String create() {
    return create(null, null);
  }

  /** The message without the user's description. */
  abstract String message();

  static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
