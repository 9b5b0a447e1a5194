package org.threshold.permutation.table;

import org.threshold.permutation.group.BlockDiagonalGroup;
import org.threshold.permutation.operators.PermutationFamily;

/**
 * The list of a group's elements (appendix B, figure 25, as a table): for every index its token,
 * its whole permutation in one-line notation, and each block's rank and permutation, so that the
 * indices of the operation tables can be read as matrices.
 */
public final class GroupElements {

    private GroupElements() {
    }

    /**
     * CSV (RFC 4180, {@code \r\n} line ends) with the header
     * {@code index,token,permutation,rank.1,block.1,rank.2,block.2,…} and one row per element,
     * e.g. {@code 7,7,[0 2 1 3 5 4],1,[0 2 1],1,[0 2 1]} for S3×S3. Blocks are numbered from 1,
     * top first; a permutation is its images of 0, 1, … in brackets, P e_i = e_σ(i).
     */
    public static String csv(PermutationFamily family) {
        BlockDiagonalGroup group = family.group();
        StringBuilder sb = new StringBuilder("index,token,permutation");
        for (int b = 1; b <= group.blockCount(); b++) {
            sb.append(",rank.").append(b).append(",block.").append(b);
        }
        sb.append("\r\n");
        for (int element = 0; element < group.order(); element++) {
            sb.append(element).append(',').append(token(family.token(element))).append(',').append(group.permutation(element));
            for (int b = 0; b < group.blockCount(); b++) {
                int rank = group.rank(element, b);
                sb.append(',').append(rank).append(',').append(group.blockPermutation(b, rank));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** SPEC's tokens have no comma or quote, but a field with one is quoted as RFC 4180 says. */
    private static String token(String token) {
        return token.contains(",") || token.contains("\"") ? "\"" + token.replace("\"", "\"\"") + "\"" : token;
    }
}
