/**
 * The inventory service, a second Spring Boot application that the checkout calls over HTTP when
 * {@code checkout.inventory-url} points at it (a package apart, so the checkout does not scan it).
 */
package io.github.tracecheck.inventory;
