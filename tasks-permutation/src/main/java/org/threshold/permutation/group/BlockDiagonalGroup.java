package org.threshold.permutation.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The group of block-diagonal permutation matrices with blocks of sizes b1, b2, … (SPEC section
 * 3): S_b1 × S_b2 × … (or Z_b1 × Z_b2 × … for {@link Subgroup#CYCLIC}). Blocks [3, 3] are the
 * paper's 6×6 matrices of two 3×3 blocks, S3×S3, 36 elements (appendix B, figure 25).
 *
 * <p><b>Element indexing</b>, stable across versions: block i (the first block is the top-left
 * one, "top") holds a permutation of its own b_i points with rank r_i in its block group, and
 * <pre>
 *   index = Σ r_i · Π_{j&gt;i} |G_j|      (mixed radix, the first block most significant)
 * </pre>
 * where a symmetric block ranks its permutations lexicographically by one-line notation
 * ({@link Permutation#ofLexicographicRank}: for S3, [0 1 2]=0, [0 2 1]=1, [1 0 2]=2, [1 2 0]=3,
 * [2 0 1]=4, [2 1 0]=5) and a cyclic block ranks the rotation i ↦ i + k mod b as k. Index 0 is the
 * identity. For S3×S3, index = 6·r_top + r_bottom.
 *
 * <p>The product is the matrix product, P_σ·P_τ = P_{σ∘τ} (see {@link Permutation}), computed
 * block by block from each block group's table.
 */
public final class BlockDiagonalGroup {

    /** The most elements a group may have: each is one token, and a tiny model reads a few thousand at most. */
    public static final int MAX_ORDER = 4096;

    /** A block of one point has a single permutation and adds nothing. */
    public static final int MIN_BLOCK = 2;

    private final List<Integer> blocks;
    private final Subgroup subgroup;
    private final int order;
    private final int degree;
    private final int[] blockOrders;
    private final int[] strides;
    private final int[] offsets;
    private final Permutation[][] blockElements;
    private final int[][] blockTables;

    private BlockDiagonalGroup(List<Integer> blocks, Subgroup subgroup) {
        this.blocks = List.copyOf(blocks);
        this.subgroup = subgroup;
        int k = blocks.size();
        this.blockOrders = new int[k];
        this.strides = new int[k];
        this.offsets = new int[k];
        int offset = 0;
        for (int i = 0; i < k; i++) {
            offsets[i] = offset;
            offset += blocks.get(i);
            blockOrders[i] = subgroup.blockOrder(blocks.get(i));
        }
        this.degree = offset;
        int stride = 1;
        for (int i = k - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= blockOrders[i];
        }
        this.order = stride;
        // Symmetric blocks of one size share their elements and table (S6, the largest, has
        // 720 elements); a cyclic block needs neither: rank k is the rotation by k, and the
        // product of rotations adds their steps.
        Map<Integer, Permutation[]> elementsBySize = new HashMap<>();
        Map<Integer, int[]> tablesBySize = new HashMap<>();
        this.blockElements = new Permutation[k][];
        this.blockTables = new int[k][];
        if (subgroup == Subgroup.SYMMETRIC) {
            for (int i = 0; i < k; i++) {
                int m = blockOrders[i];
                Permutation[] elements = elementsBySize.computeIfAbsent(blocks.get(i), size -> {
                    Permutation[] all = new Permutation[m];
                    for (int r = 0; r < m; r++) {
                        all[r] = Permutation.ofLexicographicRank(size, r);
                    }
                    return all;
                });
                blockElements[i] = elements;
                blockTables[i] = tablesBySize.computeIfAbsent(blocks.get(i), size -> {
                    int[] table = new int[m * m];
                    for (int a = 0; a < m; a++) {
                        for (int b = 0; b < m; b++) {
                            table[a * m + b] = elements[a].compose(elements[b]).lexicographicRank();
                        }
                    }
                    return table;
                });
            }
        }
    }

    /**
     * The group of these block sizes, each block holding the permutations {@code subgroup} allows.
     *
     * @throws IllegalArgumentException when there is no block, a block has fewer than 2 points, or
     *     the group has more than {@link #MAX_ORDER} elements
     */
    public static BlockDiagonalGroup of(List<Integer> blocks, Subgroup subgroup) {
        checkBlocks(blocks, subgroup).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return new BlockDiagonalGroup(blocks, subgroup);
    }

    /** S_b1 × S_b2 × …. */
    public static BlockDiagonalGroup symmetric(Integer... blocks) {
        return of(List.of(blocks), Subgroup.SYMMETRIC);
    }

    /** Z_b1 × Z_b2 × …; {@code cyclic(n)} is Z_n, the rotations of one block. */
    public static BlockDiagonalGroup cyclic(Integer... blocks) {
        return of(List.of(blocks), Subgroup.CYCLIC);
    }

    /** What is wrong with these block sizes, if anything: a message a user can act on. */
    public static Optional<String> checkBlocks(List<Integer> blocks, Subgroup subgroup) {
        if (blocks.isEmpty()) {
            return Optional.of("the group needs at least one block, e.g. [3, 3] for the paper's S3×S3");
        }
        long order = 1;
        for (int size : blocks) {
            if (size < MIN_BLOCK) {
                return Optional.of("every block has at least " + MIN_BLOCK + " points (a block of one point has one "
                        + "permutation and adds nothing); found " + blocks);
            }
            // Past 12 points, b! no longer fits an int, and is far beyond MAX_ORDER anyway.
            long blockOrder = subgroup == Subgroup.SYMMETRIC && size > 12 ? Long.MAX_VALUE : subgroup.blockOrder(size);
            order = order > Long.MAX_VALUE / blockOrder ? Long.MAX_VALUE : order * blockOrder;
        }
        if (order > MAX_ORDER) {
            String count = order == Long.MAX_VALUE ? "far more than " + MAX_ORDER : String.format(Locale.ROOT, "%,d", order);
            return Optional.of("the blocks " + blocks + " give " + count + " elements (" + name(blocks, subgroup)
                    + "); each element is one token, so at most " + MAX_ORDER + " are allowed: use fewer or smaller blocks");
        }
        return Optional.empty();
    }

    private static int rank(Subgroup subgroup, Permutation p) {
        return subgroup == Subgroup.SYMMETRIC ? p.lexicographicRank() : p.apply(0);
    }

    /** Block sizes, first (top) to last (bottom). */
    public List<Integer> blocks() {
        return blocks;
    }

    public Subgroup subgroup() {
        return subgroup;
    }

    /** Number of elements, Π |G_i| (36 for S3×S3). */
    public int order() {
        return order;
    }

    /** Size of the matrices, Σ b_i (6 for S3×S3). */
    public int degree() {
        return degree;
    }

    public int blockCount() {
        return blocks.size();
    }

    /** Elements of block i's group: b_i! or b_i. */
    public int blockOrder(int block) {
        return blockOrders[block];
    }

    /** The index step of block i: Π_{j&gt;i} |G_j|. */
    public int stride(int block) {
        return strides[block];
    }

    /** The identity, index 0. */
    public int identity() {
        return 0;
    }

    /** The rank of element {@code element}'s permutation in block {@code block}. */
    public int rank(int element, int block) {
        checkElement(element);
        return element / strides[block] % blockOrders[block];
    }

    /** The element whose blocks have these ranks. */
    public int element(int[] ranks) {
        if (ranks.length != blocks.size()) {
            throw new IllegalArgumentException("the group has " + blocks.size() + " blocks, got " + ranks.length + " ranks");
        }
        int index = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= blockOrders[i]) {
                throw new IllegalArgumentException("block " + i + " has ranks 0.." + (blockOrders[i] - 1) + ", got " + ranks[i]);
            }
            index += ranks[i] * strides[i];
        }
        return index;
    }

    /** The permutation of block i's points that rank {@code rank} stands for. */
    public Permutation blockPermutation(int block, int rank) {
        if (rank < 0 || rank >= blockOrders[block]) {
            throw new IllegalArgumentException("block " + block + " has ranks 0.." + (blockOrders[block] - 1) + ", got " + rank);
        }
        return subgroup == Subgroup.SYMMETRIC ? blockElements[block][rank] : Permutation.rotation(blocks.get(block), rank);
    }

    /** The whole block-diagonal permutation (of {@link #degree()} points) of an element. */
    public Permutation permutation(int element) {
        checkElement(element);
        List<Permutation> parts = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            parts.add(blockPermutation(i, rank(element, i)));
        }
        return Permutation.blockDiagonal(parts);
    }

    /**
     * The index of a permutation of {@link #degree()} points.
     *
     * @throws IllegalArgumentException when it is not block diagonal with these blocks, or a block
     *     is not a rotation in the cyclic subgroup
     */
    public int indexOf(Permutation p) {
        if (p.degree() != degree) {
            throw new IllegalArgumentException(p + " moves " + p.degree() + " points; the elements of " + this + " move " + degree);
        }
        int index = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Permutation part = p.block(offsets[i], blocks.get(i));
            if (subgroup == Subgroup.CYCLIC && !part.isRotation()) {
                throw new IllegalArgumentException(p + " has " + part + " in block " + i + ", which is not a rotation");
            }
            index += rank(subgroup, part) * strides[i];
        }
        return index;
    }

    /** The group product a·b (the matrix product P_a·P_b). */
    public int product(int a, int b) {
        checkElement(a);
        checkElement(b);
        int index = 0;
        for (int i = 0; i < blocks.size(); i++) {
            int m = blockOrders[i];
            int ra = a / strides[i] % m;
            int rb = b / strides[i] % m;
            index += blockProduct(i, ra, rb) * strides[i];
        }
        return index;
    }

    /** The product of two ranks (each in 0..blockOrder(block)-1, unchecked: the hot path of OP_TOP) of block i's group. */
    public int blockProduct(int block, int rankA, int rankB) {
        int m = blockOrders[block];
        if (subgroup == Subgroup.CYCLIC) {
            int sum = rankA + rankB;
            return sum >= m ? sum - m : sum;
        }
        return blockTables[block][rankA * m + rankB];
    }

    /** The inverse of an element. */
    public int inverse(int element) {
        return indexOf(permutation(element).inverse());
    }

    private void checkElement(int element) {
        if (element < 0 || element >= order) {
            throw new IllegalArgumentException("element " + element + " is outside 0.." + (order - 1) + " of " + this);
        }
    }

    /** The group as written in the paper: S3×S3, Z5. */
    public String name() {
        return name(blocks, subgroup);
    }

    private static String name(List<Integer> blocks, Subgroup subgroup) {
        return blocks.stream().map(subgroup::blockName).collect(Collectors.joining("×"));
    }

    @Override
    public String toString() {
        return name() + " (" + order + " elements)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockDiagonalGroup g && g.blocks.equals(blocks) && g.subgroup == subgroup;
    }

    @Override
    public int hashCode() {
        return blocks.hashCode() * 31 + subgroup.hashCode();
    }
}
