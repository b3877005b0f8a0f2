package io.github.tracecheck.collector;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The Collector's {@code probabilistic} tail-sampling policy: a trace is kept when the 64-bit
 * FNV-1a hash of the salt followed by the 16 trace-id bytes is at most {@code ratio × (2^64 - 1)},
 * so the same trace id always gets the same decision, here and in the Collector. The threshold is
 * rounded as Go's {@code big.Float} rounds it (the product to 64 significant bits, to nearest even,
 * then truncated to an unsigned integer); comparisons are unsigned.
 */
final class ProbabilisticPolicy implements SamplingPolicy {

  /** The salt the Collector uses when {@code hash_salt} is empty. */
  static final String DEFAULT_SALT = "default-hash-seed";

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final byte[] salt;
  private final long threshold;

  ProbabilisticPolicy(String salt, double samplingPercentage) {
    this.salt = (salt == null || salt.isEmpty() ? DEFAULT_SALT : salt).getBytes(StandardCharsets.UTF_8);
    this.threshold = threshold(samplingPercentage / 100);
  }

  @Override
  public SamplingDecision evaluate(TraceUnderDecision trace) {
    return Long.compareUnsigned(hash(salt, trace.traceIdBytes()), threshold) <= 0
        ? SamplingDecision.SAMPLED
        : SamplingDecision.NOT_SAMPLED;
  }

  /** FNV-1a, 64 bits, over the salt then the trace id. */
  static long hash(byte[] salt, byte[] traceId) {
    long hash = FNV_OFFSET_BASIS;
    for (byte[] part : new byte[][] {salt, traceId}) {
      for (byte b : part) {
        hash ^= b & 0xff;
        hash *= FNV_PRIME;
      }
    }
    return hash;
  }

  /** {@code ratio × (2^64 - 1)} as Go computes it with a 64-bit {@code big.Float}, unsigned. */
  static long threshold(double ratio) {
    if (!(ratio > 0)) {
      return 0;
    }
    // ratio = mantissa × 2^exponent exactly
    long bits = Double.doubleToRawLongBits(ratio);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long mantissa = biased == 0 ? bits & 0xfffffffffffffL : (bits & 0xfffffffffffffL) | (1L << 52);
    int exponent = (biased == 0 ? 1 : biased) - 1075;
    BigInteger product = MAX_UINT64.multiply(BigInteger.valueOf(mantissa));
    int excess = product.bitLength() - 64;
    if (excess > 0) {
      BigInteger kept = product.shiftRight(excess);
      BigInteger rest = product.subtract(kept.shiftLeft(excess));
      int half = rest.compareTo(BigInteger.ONE.shiftLeft(excess - 1));
      if (half > 0 || (half == 0 && kept.testBit(0))) {
        kept = kept.add(BigInteger.ONE);
      }
      product = kept.shiftLeft(excess);
    }
    BigInteger value = exponent >= 0 ? product.shiftLeft(exponent) : product.shiftRight(-exponent);
    return value.compareTo(MAX_UINT64) > 0 ? -1L : value.longValue();
  }
}
