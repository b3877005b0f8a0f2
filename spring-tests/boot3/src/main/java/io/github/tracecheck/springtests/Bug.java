package io.github.tracecheck.springtests;

/** The propagation bugs the application can be started with ({@code checkout.bug}). */
public enum Bug {
  /** None: the correct application. */
  NONE,
  /** The inventory call uses {@code RestClient.create()}, which bypasses Boot's instrumented builder. */
  REST_CLIENT_WITHOUT_BUILDER,
  /** The {@code @Async} executor has no {@code ContextPropagatingTaskDecorator}. */
  ASYNC_WITHOUT_CONTEXT
}
