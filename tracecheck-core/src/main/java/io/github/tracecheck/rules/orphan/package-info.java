/**
 * The orphaned-root rule ({@link io.github.tracecheck.rules.orphan.OrphanedRootRule}): root spans
 * that should have continued a trace. The rule dispatches each root to the hop that could have lost
 * its context (a message, a client/server call, a task handed to another thread); the hops share
 * one index of the capture's spans by start time, and HTTP route templates are matched on their
 * own. A checker whose forests overlap (a window over a stream) keeps the indexes from one check to
 * the next ({@link io.github.tracecheck.rules.orphan.KeptHopIndexes}), so that each trace is indexed
 * about once. Only the rule and the kept indexes are public.
 */
package io.github.tracecheck.rules.orphan;
