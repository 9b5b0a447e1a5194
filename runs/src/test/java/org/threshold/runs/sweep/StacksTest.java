package org.threshold.runs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.threshold.api.sweep.StackShape;
import org.threshold.api.sweep.SweepPoint;
import org.threshold.runs.run.Numerics;

/** How sweep.executor.stack groups the points still to train into processes, for every executor. */
class StacksTest {

    private static SweepPoint point(int index, long parameters, StackShape shape) {
        return new SweepPoint(index, "id" + index, "MAX", Optional.empty(), Map.of("seed", String.valueOf(index)), parameters, index,
                index, "accuracy", shape);
    }

    private static List<List<Integer>> indices(List<List<SweepPoint>> units) {
        return units.stream().map(u -> u.stream().map(SweepPoint::index).toList()).toList();
    }

    /** Six points of one 5,000-parameter shape, in the order an executor starts them. */
    private static List<SweepPoint> sixOfOneShape() {
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            points.add(point(i, 5_000, StackShape.of(0)));
        }
        return points;
    }

    @Test
    void stackOneTrainsEveryPointAloneAsBefore() {
        List<String> notes = new ArrayList<>();
        assertThat(indices(Stacks.form(sixOfOneShape(), OptionalInt.of(1), 2, p -> Optional.empty(), notes::add)))
                .containsExactly(List.of(0), List.of(1), List.of(2), List.of(3), List.of(4), List.of(5));
        assertThat(notes).isEmpty();
    }

    @Test
    void stackKCutsAShapeIntoStacksOfKAndAPointThatCannotStackTrainsAloneSayingWhy() {
        List<SweepPoint> points = new ArrayList<>(sixOfOneShape());
        points.add(point(6, 5_000, StackShape.alone("dropout 0.1 does not stack")));
        points.add(point(7, 9_000, StackShape.of(1)));
        List<String> notes = new ArrayList<>();
        assertThat(indices(Stacks.form(points, OptionalInt.of(4), 2, p -> Optional.empty(), notes::add)))
                .as("larger first, then by first member").containsExactly(List.of(7), List.of(0, 1, 2, 3), List.of(4, 5), List.of(6));
        assertThat(notes).containsExactly("point 6 MAX seed=6 (id6) trains alone: dropout 0.1 does not stack");
    }

    @Test
    void autoMakesTheLargestStacksThatKeepEveryCoreBusyAndLeavesLargeModelsAlone() {
        List<SweepPoint> points = new ArrayList<>(sixOfOneShape());
        points.add(point(6, Stacks.AUTO_PARAMETERS + 1, StackShape.of(1)));
        points.add(point(7, Stacks.AUTO_PARAMETERS + 1, StackShape.of(1)));
        assertThat(indices(Stacks.form(points, OptionalInt.empty(), 2, p -> Optional.empty(), s -> { })))
                .as("three processes keep two cores busy: the six stack together")
                .containsExactly(List.of(6), List.of(7), List.of(0, 1, 2, 3, 4, 5));
        assertThat(indices(Stacks.form(sixOfOneShape(), OptionalInt.empty(), 2, p -> Optional.empty(), s -> { })))
                .as("alone on two cores, the six are split over both").containsExactly(List.of(0, 1, 2), List.of(3, 4, 5));
        assertThat(indices(Stacks.form(sixOfOneShape(), OptionalInt.empty(), 1, p -> Optional.empty(), s -> { })))
                .as("one process at a time: one stack of the six").containsExactly(List.of(0, 1, 2, 3, 4, 5));
        assertThat(Stacks.form(sixOfOneShape(), OptionalInt.empty(), 4, p -> Optional.empty(), s -> { })).hasSize(6)
                .as("four cores: split until four processes, which takes stacks of 1").allMatch(u -> u.size() == 1);
        List<SweepPoint> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(point(i, 5_000, StackShape.of(0)));
        }
        assertThat(Stacks.form(many, OptionalInt.empty(), 1, p -> Optional.empty(), s -> { }))
                .allMatch(u -> u.size() <= Stacks.AUTO_MOST).hasSize(3);
    }

    @Test
    void autoSizesSplitTheLargestStacksFirstUntilTheProcessesFillTheCores() {
        assertThat(Stacks.autoSizes(List.of(6, 6, 6), 6, 2)).as("appendix C's grid on 2 cores").containsExactly(6, 6, 6);
        assertThat(Stacks.autoSizes(List.of(20, 3), 0, 1)).containsExactly(Stacks.AUTO_MOST, 3);
        assertThat(Stacks.autoSizes(List.of(12, 4), 0, 4)).as("8+4 and 4: three processes; 4+4+4 and 4: four")
                .containsExactly(4, 4);
        assertThat(Stacks.autoSizes(List.of(6), 0, 4)).as("3+3 is two, 2+2+2 three, then 1s").containsExactly(1);
        assertThat(Stacks.autoSizes(List.of(1, 1), 0, 8)).as("nothing left to split").containsExactly(1, 1);
    }

    @Test
    void aPointThatStartedKeepsHowItStartedWhateverTheSettingSaysNow() {
        Numerics inStack = new Numerics(1, Map.of(), Optional.of(new Numerics.Stack(3, List.of(1, 3, 5))));
        Numerics alone = new Numerics(1, Map.of(), Optional.empty());
        // point 5 ended already: it is not among the points to train
        List<SweepPoint> todo = sixOfOneShape().subList(0, 5);
        List<List<SweepPoint>> units = Stacks.form(todo, OptionalInt.of(2), 2,
                p -> p.index() == 1 || p.index() == 3 ? Optional.of(inStack) : p.index() == 0 ? Optional.of(alone) : Optional.empty(),
                s -> { });
        assertThat(indices(units)).containsExactly(List.of(0), List.of(1, 3), List.of(2, 4));
        assertThat(indices(Stacks.form(todo, OptionalInt.of(1), 2, p -> p.index() == 1 || p.index() == 3 ? Optional.of(inStack)
                : Optional.empty(), s -> { }))).as("stack 1 now: the started stack stays").contains(List.of(1, 3));
    }
}
