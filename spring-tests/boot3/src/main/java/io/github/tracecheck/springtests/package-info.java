/**
 * The checkout application of the Spring tests: {@code /checkout} asks the inventory over HTTP, writes
 * an audit record on a task executor and announces the order ({@link OrderEvents}); {@code
 * checkout.bug} plants one propagation bug.
 */
package io.github.tracecheck.springtests;
