/**
 * Public only for other tracecheck modules (the Spring Boot integration): not an API, may change
 * in any release.
 */
package io.github.tracecheck.junit.internal;
