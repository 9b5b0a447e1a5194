package org.threshold.listops.family;

import org.threshold.listops.task.ConfigOrigin;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.triplets.TripletDataset;

/**
 * What the engine reads of an operator family's config (ListOps' arithmetic, a permutation group,
 * a third party's algebra): the keys every nested-expression task shares. A family's config record
 * implements it with components of these names, and {@link FamilyTask} makes its task.
 */
public interface FamilyConfig {

    /** The shared keys; in triplet mode only operators, cot, context, eval_size and excluded apply. */
    ExpressionSettings expressions();

    ExpressionMode mode();

    /** Triplet mode's training set. */
    TripletDataset tripletDataset();

    /** The operator of the triplet test set (triplet mode). */
    String testOperator();

    /** Where the section was read, for problems found only when the data is made. */
    ConfigOrigin origin();
}
