package io.github.tracecheck.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What tracecheck keeps in a JUnit store and must be closed when its context ends. JUnit 5.13 and
 * later close an {@link AutoCloseable}; JUnit 5.12 closes only a {@code CloseableResource}. Being
 * both, it is closed on every supported JUnit, once.
 */
@SuppressWarnings("deprecation") // CloseableResource: deprecated since 5.13, needed on 5.12
interface StoredResource extends AutoCloseable, ExtensionContext.Store.CloseableResource {

  @Override
  void close();
}
