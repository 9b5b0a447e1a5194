package org.threshold.api.task;

import java.util.List;
import java.util.Optional;

/**
 * What {@code threshold tables} writes for a task (see
 * {@link TaskProvider#operationTables(Object, boolean)}): the operation tables of its binary
 * operators over one algebra, each as {@code OPERATOR.csv} and {@code OPERATOR.png}, and, when the
 * element indices need a key, {@code elements.csv}.
 *
 * @param algebra how the figures' titles name the algebra, e.g. {@code mod 10} or
 *     {@code S3×S3 (blocks [3, 3])}: a title reads "OP_TOP (^) on S3×S3 (blocks [3, 3])"
 * @param tables in the order they are written
 * @param elements the list of the elements, for algebras whose indices do not speak for themselves
 */
public record OperationTables(String algebra, List<OperationTable> tables, Optional<ElementList> elements) {

    public OperationTables {
        tables = List.copyOf(tables);
    }

    /** Tables without an element list. */
    public static OperationTables of(String algebra, List<OperationTable> tables) {
        return new OperationTables(algebra, tables, Optional.empty());
    }

    /**
     * The key to the element indices, written as {@code elements.csv}.
     *
     * @param description one line saying what the file holds, e.g. "index, token and permutation of every element"
     * @param csv the file's content (RFC 4180)
     */
    public record ElementList(String description, String csv) {
    }
}
