package org.threshold.addition;

import java.util.List;
import java.util.OptionalLong;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.Protocol;

/**
 * AdderBoard's verify.py as {@code threshold eval} reports the {@code adderboard} set: cases passed
 * of 10,010, qualified at 99%, each case named by its operands a and b and each answer read as
 * the number the model wrote.
 */
final class AdderBoardProtocol implements Protocol {

    private final AdditionNotation notation;

    AdderBoardProtocol(AdditionNotation notation) {
        this.notation = notation;
    }

    @Override
    public String name() {
        return "AdderBoard";
    }

    @Override
    public double qualifyingAccuracy() {
        return AdderBoard.QUALIFYING_ACCURACY;
    }

    @Override
    public List<String> columns() {
        return List.of("a", "b");
    }

    @Override
    public List<String> describe(EvalItem item) {
        Operands pair = notation.readOperands(item.prompt()).orElseThrow(() -> new IllegalArgumentException(
                "'" + notation.vocabulary().render(item.prompt()) + "' is no prompt of this task"));
        return List.of(Long.toString(pair.a()), Long.toString(pair.b()));
    }

    @Override
    public String answer(int[] completion) {
        OptionalLong sum = notation.readSum(completion);
        return sum.isPresent() ? Long.toString(sum.getAsLong()) : notation.vocabulary().render(completion);
    }
}
