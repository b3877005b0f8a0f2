package io.github.tracecheck.springtests;

/**
 * Where a checked-out order is announced, when the application has somewhere to announce it ({@link
 * KafkaOrderEvents}, when {@code checkout.orders-topic} is set); without such a bean the checkout
 * announces nothing.
 */
public interface OrderEvents {

  /** The order for this SKU was checked out. */
  void placed(String sku);
}
