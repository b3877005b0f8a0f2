/**
 * HTTP hops: {@link io.github.tracecheck.http.RecordingHttpServer} records what each request
 * carried, and {@link io.github.tracecheck.http.HttpAssertions} checks it (the wire checks every
 * protocol shares) and the CLIENT and SERVER spans of the hop (the hop checks every protocol
 * shares, read through the core's HTTP attribute readers).
 */
package io.github.tracecheck.http;
