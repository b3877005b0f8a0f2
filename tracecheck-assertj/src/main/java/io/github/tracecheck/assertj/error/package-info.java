/**
 * The failure messages of tracecheck's assertions, as AssertJ {@code ErrorMessageFactory}s: each
 * reads "Expecting ... but ..." and is followed by the drawn trees or by what crossed the wire, with
 * personal data masked.
 */
package io.github.tracecheck.assertj.error;
