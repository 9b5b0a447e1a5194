package org.threshold.permutation.group;

/** Explicit integer matrix products, to check permutations against the matrices they stand for. */
final class Matrices {

    private Matrices() {
    }

    static int[][] multiply(int[][] a, int[][] b) {
        int n = a.length;
        int[][] c = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                if (a[i][k] != 0) {
                    for (int j = 0; j < n; j++) {
                        c[i][j] += a[i][k] * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    static int[][] identity(int n) {
        int[][] m = new int[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** {@code m} with every entry outside rows and columns {@code from..from+size-1} replaced by the identity's. */
    static int[][] keepBlock(int[][] m, int from, int size) {
        int n = m.length;
        int[][] out = identity(n);
        for (int i = from; i < from + size; i++) {
            for (int j = from; j < from + size; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
