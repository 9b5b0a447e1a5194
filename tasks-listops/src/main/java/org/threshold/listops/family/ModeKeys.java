package org.threshold.listops.family;

import java.util.List;
import java.util.Map;
import org.threshold.api.config.ConfigSection;
import org.threshold.listops.split.ExcludedTriplets;
import org.threshold.listops.task.ExpressionSettings;
import org.threshold.listops.triplets.TripletDataset;
import org.threshold.listops.triplets.TripletSpec;

/**
 * The keys whose meaning depends on {@code mode}, bound in one place for every family: in
 * expression mode the shared keys of {@link ExpressionSettings}; in triplet mode those that apply
 * to single 3-operand nodes, plus {@code triplet_dataset} and {@code test_operator}. Keys of the
 * other mode are problems that say so.
 *
 * @param expressions the shared keys
 * @param tripletDataset triplet mode's training set ({@code 2700} in expression mode)
 * @param testOperator triplet mode's test operator (the family's default in expression mode)
 */
public record ModeKeys(ExpressionSettings expressions, TripletDataset tripletDataset, String testOperator) {

    /**
     * Binds the keys of {@code mode}, after the family's own keys that fix the algebra. Problems go
     * to the section at their key, with a usable value in place of an unusable one, so one pass
     * reports them all.
     *
     * @param operators the family's operator names, in vocabulary order
     * @param elements the algebra's size
     * @param tripletOperators triplet mode's operators when the config names none
     * @param testOperator triplet mode's test operator when the config names none
     */
    public static ModeKeys bind(ConfigSection s, ExpressionMode mode, List<String> operators, int elements,
            Map<String, Double> tripletOperators, String testOperator) {
        boolean triplets = mode == ExpressionMode.TRIPLETS;
        ExpressionSettings.rejectOtherModeKeys(s, triplets);
        if (!triplets) {
            return new ModeKeys(ExpressionSettings.bind(s, operators, elements, Map.of()), TripletDataset.EVERY_OPERATOR, testOperator);
        }
        ExpressionSettings expressions = ExpressionSettings.bindSingleNodes(s, operators, elements, tripletOperators);
        TripletDataset dataset = s.choice("triplet_dataset", TripletDataset.EVERY_OPERATOR);
        String test = s.choice("test_operator", testOperator, operators);
        if (expressions.excluded() >= ExcludedTriplets.count(elements)) {
            s.problem("excluded", "triplet mode trains on the triplets that are not excluded; exclude fewer than all "
                    + ExcludedTriplets.count(elements));
            expressions = expressions.withExcluded(1);
        }
        if (expressions.context() < TripletSpec.equationLength(expressions.chainOfThought())) {
            s.problem("context", "a triplet equation has " + TripletSpec.equationLength(expressions.chainOfThought())
                    + " tokens; raise context to at least that");
            expressions = expressions.withContext(ExpressionSettings.DEFAULT_CONTEXT);
        }
        return new ModeKeys(expressions, dataset, test);
    }
}
