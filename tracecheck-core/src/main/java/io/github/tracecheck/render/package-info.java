/**
 * Text for people: trace trees with marked spans ({@link io.github.tracecheck.render.TraceTreeRenderer})
 * and numbered findings with their trees ({@link io.github.tracecheck.render.FindingsReport}). Values
 * are masked here, so nothing drawn shows PII.
 */
package io.github.tracecheck.render;
