// The stock service of the checkout samples, in Node.js: GET /reserve?callback=<url> reserves stock
// and then calls the warehouse at <url> (an endpoint of the test). OpenTelemetry JS is configured
// from the OTEL_* environment the test hands it (the receiver's endpoint, a short export delay).
//
// With the argument "outside-context" it has the bug the samples show: the call to the warehouse is
// made outside the active context, so OpenTelemetry's HTTP instrumentation starts a new trace for it.
'use strict';

const { NodeSDK } = require('@opentelemetry/sdk-node');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');

const sdk = new NodeSDK({
  serviceName: 'stock-service',
  traceExporter: new OTLPTraceExporter(),
  instrumentations: [new HttpInstrumentation()],
});
sdk.start();

// Required after the SDK started, so that the instrumentation patches it.
const http = require('node:http');
const { context, ROOT_CONTEXT } = require('@opentelemetry/api');

const outsideContext = process.argv.includes('outside-context');

function callWarehouse(url, done) {
  const call = () => http.get(url, (response) => {
    response.resume();
    response.on('end', () => done(response.statusCode));
  }).on('error', () => done(502));
  if (outsideContext) {
    // The bug: e.g. a callback registered on a queue or client created outside the request.
    context.with(ROOT_CONTEXT, call);
  } else {
    call();
  }
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname !== '/reserve') {
    response.writeHead(404).end();
    return;
  }
  callWarehouse(url.searchParams.get('callback'), (status) => {
    response.writeHead(status === 200 ? 200 : 502, { 'Content-Type': 'text/plain' }).end('reserved');
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log('listening on ' + server.address().port);
});

// The test closes our standard input to stop us: flush the spans, then exit.
process.stdin.resume();
process.stdin.on('end', () => {
  server.close();
  sdk.shutdown().finally(() => process.exit(0));
});
