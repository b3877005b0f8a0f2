package io.github.tracecheck.samples.checkout;

/**
 * The propagation and telemetry bugs the seed warns about, each a real code path in the services,
 * switched on per run. With none switched on the system is correct.
 */
public enum Bug {
  /** order-worker starts its consumer span without extracting the context from the record headers. */
  CONSUMER_IGNORES_HEADERS,
  /** order-worker hands the order to its pool in a job object without the context. */
  POOL_WITHOUT_CONTEXT,
  /** api-gateway calls auth-service on a channel without the tracing client interceptor. */
  GRPC_WITHOUT_INTERCEPTOR,
  /** order-worker records a failure with recordException() and leaves the status unset. */
  EXCEPTION_WITHOUT_ERROR_STATUS,
  /** api-gateway answers 503 when the order cannot be placed, without an ERROR status. */
  HTTP_5XX_WITHOUT_ERROR,
  /** api-gateway records the customer's email and the access token in span attributes. */
  PII_IN_ATTRIBUTES,
  /** order-worker builds its INSERT with literals, and the JDBC instrumentation does not sanitize it. */
  SQL_WITH_LITERALS,
  /** order-worker's "reserve stock" span is not ended on the path where stock is short. */
  SPAN_NEVER_ENDED,
  /** order-worker prices the order with supplyAsync on the common pool, without the context. */
  SUPPLY_ASYNC_WITHOUT_CONTEXT,
  /** the services' log lines carry no trace_id and span_id, as without the MDC instrumentation. */
  LOG_WITHOUT_TRACE_CONTEXT
}
