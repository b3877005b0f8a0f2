/**
 * The checkout system the samples test: storefront, api-gateway, auth-service, order-worker over
 * HTTP, gRPC, Kafka, a worker pool and JDBC, with each propagation bug the samples show as a
 * switchable code path ({@link io.github.tracecheck.samples.checkout.Bug}).
 */
package io.github.tracecheck.samples.checkout;
