package org.threshold.permutation.group;

import java.util.Arrays;
import java.util.List;

/**
 * A permutation σ of the points {@code 0..d-1}, given by its images {@code σ(0), σ(1), …}
 * (one-line notation).
 *
 * <p>Convention (SPEC section 3): σ is the matrix P_σ with P_σ e_i = e_σ(i), so column i of P_σ
 * has its 1 in row σ(i), and P_σ·P_τ = P_{σ∘τ}, where (σ∘τ)(i) = σ(τ(i)). The group product of
 * the task is this matrix product: {@link #compose(Permutation)} is it.
 */
public final class Permutation {

    private final int[] images;

    private Permutation(int[] images) {
        this.images = images;
    }

    /**
     * The permutation with these images.
     *
     * @throws IllegalArgumentException when the images are not each of {@code 0..d-1} exactly once
     */
    public static Permutation of(int... images) {
        if (images.length == 0) {
            throw new IllegalArgumentException("a permutation moves at least one point");
        }
        boolean[] hit = new boolean[images.length];
        for (int i = 0; i < images.length; i++) {
            int v = images[i];
            if (v < 0 || v >= images.length || hit[v]) {
                throw new IllegalArgumentException(Arrays.toString(images) + " is not a permutation of 0.." + (images.length - 1));
            }
            hit[v] = true;
        }
        return new Permutation(images.clone());
    }

    public static Permutation identity(int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("a permutation moves at least one point, got degree " + degree);
        }
        int[] images = new int[degree];
        for (int i = 0; i < degree; i++) {
            images[i] = i;
        }
        return new Permutation(images);
    }

    /** The rotation i ↦ i + k mod d, the cyclic permutation (0 1 … d-1) to the power k. */
    public static Permutation rotation(int degree, int k) {
        if (degree < 1) {
            throw new IllegalArgumentException("a rotation moves at least one point, got degree " + degree);
        }
        int[] images = new int[degree];
        for (int i = 0; i < degree; i++) {
            images[i] = Math.floorMod(i + k, degree);
        }
        return new Permutation(images);
    }

    /**
     * The permutation of {@code d!} ranked {@code rank} in lexicographic order of the one-line
     * notation: rank 0 is the identity {@code [0 1 2]}, then {@code [0 2 1]}, {@code [1 0 2]},
     * {@code [1 2 0]}, {@code [2 0 1]}, rank 5 is {@code [2 1 0]}.
     */
    public static Permutation ofLexicographicRank(int degree, int rank) {
        int count = factorial(degree);
        if (rank < 0 || rank >= count) {
            throw new IllegalArgumentException("rank " + rank + " is outside 0.." + (count - 1) + " for permutations of " + degree + " points");
        }
        // Factorial number system: digit i picks among the points still unused.
        boolean[] used = new boolean[degree];
        int[] images = new int[degree];
        int rest = rank;
        for (int i = 0; i < degree; i++) {
            int f = factorial(degree - 1 - i);
            int digit = rest / f;
            rest %= f;
            int point = 0;
            for (int skip = digit; used[point] || skip > 0; point++) {
                if (!used[point]) {
                    skip--;
                }
            }
            used[point] = true;
            images[i] = point;
        }
        return new Permutation(images);
    }

    /** This permutation's position in lexicographic order (the inverse of {@link #ofLexicographicRank}). */
    public int lexicographicRank() {
        int d = images.length;
        int rank = 0;
        for (int i = 0; i < d; i++) {
            int smaller = 0;
            for (int j = i + 1; j < d; j++) {
                if (images[j] < images[i]) {
                    smaller++;
                }
            }
            rank += smaller * factorial(d - 1 - i);
        }
        return rank;
    }

    /**
     * d! as an int.
     *
     * @throws IllegalArgumentException above 12 points, whose permutations an int cannot count
     */
    public static int factorial(int degree) {
        if (degree < 0 || degree > 12) {
            throw new IllegalArgumentException("permutations of " + degree + " points cannot be counted in an int; use 0 to 12 points");
        }
        int f = 1;
        for (int i = 2; i <= degree; i++) {
            f *= i;
        }
        return f;
    }

    /** The block-diagonal permutation of the blocks in order: block i moves its own points, offset by the sizes before it. */
    public static Permutation blockDiagonal(List<Permutation> blocks) {
        int degree = blocks.stream().mapToInt(Permutation::degree).sum();
        if (degree == 0) {
            throw new IllegalArgumentException("a block-diagonal permutation needs at least one block");
        }
        int[] images = new int[degree];
        int offset = 0;
        for (Permutation b : blocks) {
            for (int i = 0; i < b.degree(); i++) {
                images[offset + i] = offset + b.images[i];
            }
            offset += b.degree();
        }
        return new Permutation(images);
    }

    /**
     * The permutation of the points {@code offset..offset+size-1}, renumbered from 0.
     *
     * @throws IllegalArgumentException when this permutation moves one of those points outside them
     */
    public Permutation block(int offset, int size) {
        if (offset < 0 || size < 1 || offset + size > images.length) {
            throw new IllegalArgumentException("points " + offset + ".." + (offset + size - 1) + " are not all among 0.." + (images.length - 1));
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            int v = images[offset + i] - offset;
            if (v < 0 || v >= size) {
                throw new IllegalArgumentException(this + " maps point " + (offset + i) + " to " + images[offset + i]
                        + ", outside the block " + offset + ".." + (offset + size - 1) + ": it is not block diagonal there");
            }
            out[i] = v;
        }
        return new Permutation(out);
    }

    public int degree() {
        return images.length;
    }

    /** σ(point). */
    public int apply(int point) {
        return images[point];
    }

    /** A copy of the images σ(0), σ(1), …. */
    public int[] images() {
        return images.clone();
    }

    /** σ∘τ, i ↦ σ(τ(i)): the matrix product P_σ·P_τ. */
    public Permutation compose(Permutation tau) {
        if (tau.degree() != degree()) {
            throw new IllegalArgumentException("cannot compose permutations of " + degree() + " and " + tau.degree() + " points");
        }
        int[] out = new int[images.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = images[tau.images[i]];
        }
        return new Permutation(out);
    }

    public Permutation inverse() {
        int[] out = new int[images.length];
        for (int i = 0; i < out.length; i++) {
            out[images[i]] = i;
        }
        return new Permutation(out);
    }

    public boolean isIdentity() {
        for (int i = 0; i < images.length; i++) {
            if (images[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is a rotation i ↦ i + k mod d for some k. */
    public boolean isRotation() {
        int k = images[0];
        for (int i = 0; i < images.length; i++) {
            if (images[i] != (i + k) % images.length) {
                return false;
            }
        }
        return true;
    }

    /** P_σ as a 0/1 matrix: {@code matrix[row][column]} is 1 exactly where row = σ(column). */
    public int[][] matrix() {
        int[][] m = new int[images.length][images.length];
        for (int column = 0; column < images.length; column++) {
            m[images[column]][column] = 1;
        }
        return m;
    }

    /** One-line notation, e.g. {@code [1 2 0]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < images.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(images[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(p.images, images);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(images);
    }
}
