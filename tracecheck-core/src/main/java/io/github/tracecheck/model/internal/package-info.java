/**
 * What tracecheck's own packages need of the model and no user does (a node's slot for data derived
 * from its span). Not an API: anything here may change without notice.
 */
package io.github.tracecheck.model.internal;
