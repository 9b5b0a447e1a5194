package org.threshold.addition;

/** Powers of ten as longs, and pair counts that may exceed them. */
final class Powers {

    private static final long[] TEN = new long[19];

    static {
        TEN[0] = 1;
        for (int i = 1; i < TEN.length; i++) {
            TEN[i] = TEN[i - 1] * 10;
        }
    }

    private Powers() {
    }

    /** 10^n for n from 0 to 18. */
    static long ten(int n) {
        return TEN[n];
    }

    /**
     * How many ordered pairs of numbers below 10^digits there are, 10^(2·digits), or
     * {@link Long#MAX_VALUE} when that is more than a long holds (digits &gt; 9): a count no
     * config's set size comes near.
     */
    static long pairs(int digits) {
        return 2 * digits <= 18 ? TEN[2 * digits] : Long.MAX_VALUE;
    }
}
