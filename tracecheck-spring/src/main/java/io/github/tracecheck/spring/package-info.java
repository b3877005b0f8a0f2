/**
 * Spring Boot integration: with this module on the test classpath, a {@code @SpringBootTest} class
 * annotated {@code @TraceCheck} has its application's own spans captured and checked. The
 * auto-configuration adds a span processor to the application's OpenTelemetry SDK that exports into
 * the running tracecheck capture; the context customizer keeps tracing on, sampled in full and
 * propagated in such tests (Spring Boot turns it off in tests by default).
 */
package io.github.tracecheck.spring;
