package org.threshold.addition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Protocol;
import org.threshold.api.task.Task;

class AdditionTaskTest {

    private static final AdditionTask TEN = new AdditionTask(AdditionConfig.defaults(), 1);

    private static AdditionTask task(AdditionConfig config, long seed) {
        return new AdditionTask(config, seed);
    }

    private static Set<String> prompts(EvalSet set, Task task) {
        Set<String> out = new HashSet<>();
        for (EvalItem item : set.items()) {
            out.add(task.vocabulary().render(item.prompt()));
        }
        return out;
    }

    private static String prompt(Example e, Task task) {
        int[] t = e.tokens();
        return task.vocabulary().render(java.util.Arrays.copyOf(t, e.completionStart()));
    }

    @Test
    void componentsAreTheOperandLengthsOneToDigitsAndTheTaskWeightsTheFullLength() {
        assertThat(TEN.components()).extracting(Component::name)
                .containsExactly("len1", "len2", "len3", "len4", "len5", "len6", "len7", "len8", "len9", "len10");
        assertThat(TEN.components()).extracting(Component::weight)
                .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void aLengthComponentsOperandsHaveAtMostItsDigitsWrittenInTheFullWidth() {
        AdditionNotation n = TEN.notation();
        Component len3 = TEN.components().get(2);
        for (int i = 0; i < 500; i++) {
            Example e = len3.data().example(0, i);
            String text = TEN.vocabulary().render(e.tokens());
            assertThat(text).hasSize(34).matches("\\d{3}0{7}\\+\\d{3}0{7}=\\d{4}0{7}e");
            assertThat(e.tokens()).isEqualTo(n.example(sumOf(text)).tokens());
        }
    }

    // the operands of a least-significant-first, padded 10-digit equation
    private static Operands sumOf(String text) {
        String a = new StringBuilder(text.substring(0, 10)).reverse().toString();
        String b = new StringBuilder(text.substring(11, 21)).reverse().toString();
        return new Operands(Long.parseLong(a), Long.parseLong(b));
    }

    @Test
    void everyExampleIsARightSumAndTheLossStartsAtItsAnswer() {
        for (Component c : TEN.components()) {
            for (int i = 0; i < 200; i++) {
                Example e = c.data().example(3, i);
                String text = TEN.vocabulary().render(e.tokens());
                Operands p = sumOf(text);
                String sum = new StringBuilder(String.format("%011d", p.sum())).reverse().toString();
                assertThat(text).endsWith("=" + sum + "e");
                assertThat(e.completionStart()).isEqualTo(22);
            }
        }
        assertThat(TEN.completionLossByDefault()).isTrue();
    }

    @Test
    void freshPairsDifferFromEpochToEpochAndAreTheSameForTheSameSeed() {
        Component full = TEN.components().get(9);
        AdditionTask again = task(AdditionConfig.defaults(), 1);
        Set<String> epoch0 = new HashSet<>();
        Set<String> epoch1 = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            epoch0.add(TEN.vocabulary().render(full.data().example(0, i).tokens()));
            epoch1.add(TEN.vocabulary().render(full.data().example(1, i).tokens()));
            assertThat(again.components().get(9).data().example(1, i).tokens()).isEqualTo(full.data().example(1, i).tokens());
        }
        assertThat(epoch0).hasSize(1_000).doesNotContainAnyElementsOf(epoch1);
        assertThat(task(AdditionConfig.defaults(), 2).components().get(9).data().example(0, 0).tokens())
                .isNotEqualTo(full.data().example(0, 0).tokens());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void noTrainingExampleIsAPairOfAnyTestSet(long seed) {
        // two digits: 10,000 pairs, so the stream and the fixed sets would meet the test pairs often if they could
        for (AdditionConfig config : List.of(AdditionConfig.of(2).withSizes(OptionalInt.empty(), 2_000, 40),
                AdditionConfig.of(2).withSizes(OptionalInt.of(7_000), 2_000, 40))) {
            AdditionTask t = task(config, seed);
            Set<String> tested = new HashSet<>();
            t.evalSets().forEach(set -> tested.addAll(prompts(set, t)));
            for (Component c : t.components()) {
                for (int i = 0; i < Math.min(c.data().size(), 8_000); i++) {
                    assertThat(tested).doesNotContain(prompt(c.data().example(0, i), t));
                }
            }
        }
    }

    @Test
    void aFixedSetHoldsDistinctPairsAndAShortLengthAllItsPairsThatAreNotTested() {
        AdditionTask t = task(AdditionConfig.of(2).withSizes(OptionalInt.of(7_000), 2_000, 40), 3);
        Component len2 = t.components().get(1);
        assertThat(len2.data().size()).isEqualTo(7_000);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 7_000; i++) {
            seen.add(prompt(len2.data().example(0, i), t));
            assertThat(len2.data().example(5, i).tokens()).isEqualTo(len2.data().example(0, i).tokens());
        }
        assertThat(seen).hasSize(7_000);
        // len1 has 100 pairs; its own test set holds 40 of them out, and the others' test sets a few more
        Component len1 = t.components().get(0);
        Set<Operands> held = new HashSet<>();
        t.evalSets().forEach(set -> set.items().forEach(item -> {
            String p = t.vocabulary().render(item.prompt());
            held.add(new Operands(Long.parseLong(new StringBuilder(p.substring(0, 2)).reverse().toString()),
                    Long.parseLong(new StringBuilder(p.substring(3, 5)).reverse().toString())));
        }));
        long heldInLen1 = held.stream().filter(p -> p.a() < 10 && p.b() < 10).count();
        assertThat(heldInLen1).isGreaterThanOrEqualTo(40);
        assertThat(len1.data().size()).isEqualTo(100 - (int) heldInLen1);
    }

    @Test
    void theEvalSetsAreTheHeadlineThenOnePerLengthThenAdderBoardAtTheEndOfTheRunOnly() {
        AdditionTask t = task(AdditionConfig.defaults().withSizes(OptionalInt.empty(), 300, 20), 1);
        assertThat(t.evalSets()).extracting(EvalSet::name).containsExactly("", "len1", "len2", "len3", "len4", "len5", "len6",
                "len7", "len8", "len9", "len10", "adderboard");
        assertThat(t.evalSets()).extracting(EvalSet::finalOnly).containsExactly(false, false, false, false, false, false, false,
                false, false, false, false, true);
        assertThat(t.evalSets().get(0).items()).hasSize(300);
        assertThat(t.evalSets().get(1).items()).hasSize(20);
        assertThat(t.evalSets().get(10).items()).as("len10 is the start of the headline set")
                .isEqualTo(t.evalSets().get(0).items().subList(0, 20));
        assertThat(t.evalSets().get(11).metricName("accuracy")).isEqualTo("accuracy.adderboard");
        assertThat(t.headlineMetric()).isEqualTo("accuracy");
    }

    @Test
    void theAdderBoardSetIsTheCasesInVerifyPysOrderInTheTasksNotation() {
        EvalSet adderboard = TEN.evalSets().get(TEN.evalSets().size() - 1);
        assertThat(adderboard.items()).hasSize(10_010);
        assertThat(TEN.vocabulary().render(adderboard.items().get(0).prompt())).isEqualTo("0000000000+0000000000=");
        assertThat(TEN.vocabulary().render(adderboard.items().get(4).prompt())).isEqualTo("9999999999+9999999999=");
        assertThat(TEN.vocabulary().render(adderboard.items().get(4).expected())).isEqualTo("89999999991e");
        AdditionTask msb = task(AdditionConfig.defaults().withOrder(DigitOrder.MSB, true), 1);
        EvalSet msbBoard = msb.evalSets().get(msb.evalSets().size() - 1);
        assertThat(msb.vocabulary().render(msbBoard.items().get(10).prompt())).isEqualTo("2395527356+9334186774=");
        assertThat(msb.vocabulary().render(msbBoard.items().get(10).expected())).isEqualTo("11729714130e");
    }

    @Test
    void theAdderBoardSetFollowsAdderBoardsProtocolAndNoOtherSetFollowsOne() {
        Protocol protocol = TEN.protocol("adderboard").orElseThrow();
        assertThat(protocol.name()).isEqualTo("AdderBoard");
        assertThat(protocol.qualifyingAccuracy()).isEqualTo(0.99);
        assertThat(protocol.columns()).containsExactly("a", "b");
        EvalItem eleventh = TEN.evalSets().get(TEN.evalSets().size() - 1).items().get(10);
        assertThat(protocol.describe(eleventh)).containsExactly("2395527356", "9334186774");
        assertThat(protocol.answer(eleventh.expected())).isEqualTo("11729714130");
        assertThat(protocol.answer(new int[] {1, 2, AdditionNotation.PLUS_ID})).as("no number: its text").isEqualTo("12+");
        assertThat(TEN.protocol("")).isEmpty();
        assertThat(task(AdditionConfig.of(3), 1).protocol("adderboard")).isEmpty();
    }

    @Test
    void theTestPairsAreDistinctAndDoNotMoveWhenTheTrainingDataDoes() {
        assertThat(new HashSet<>(TEN.testPairs())).hasSize(1_000);
        AdditionTask fixed = task(AdditionConfig.defaults().withSizes(OptionalInt.of(500), 1_000, 10), 1);
        assertThat(fixed.testPairs()).isEqualTo(TEN.testPairs());
    }

    @Test
    void oneDigitAdditionUsesHalfItsPairsForTesting() {
        AdditionTask one = task(AdditionConfig.of(1), 4);
        assertThat(one.evalSets()).extracting(EvalSet::name).containsExactly("");
        assertThat(one.evalSets().get(0).items()).hasSize(50);
        assertThat(one.components()).singleElement().satisfies(c -> assertThat(c.weight()).isEqualTo(1.0));
        assertThat(one.contextLength()).isEqualTo(7);
        assertThat(one.vocabulary().render(one.evalSets().get(0).items().get(0).prompt())).matches("\\d\\+\\d=");
    }

    @Test
    void aFixedSetTheHeldOutPairsLeaveNoRoomForIsRefusedNamingTrainSize() {
        // 100 pairs; eval_size 50 leaves 50 by the binder's rule, but the length set of 1 digit is the headline's start,
        // so a fixed set of 50 fits exactly and one of 51 does not
        assertThat(task(AdditionConfig.of(1).withSizes(OptionalInt.of(50), 50, 0), 1).components().get(0).data().size())
                .isEqualTo(50);
        AdditionConfig two = AdditionConfig.of(2).withSizes(OptionalInt.of(8_990), 1_000, 50);
        assertThatThrownBy(() -> task(two, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("train_size 8990 does not fit: of the 10000 pairs of 2-digit operands the test sets hold ")
                .hasMessageEndingWith("; lower train_size");
    }

    @Test
    void theDescriptionSaysWhatWasConfigured() {
        assertThat(TEN.describe()).isEqualTo("10-digit addition, lsb first, zero-padded, fresh pairs every step; "
                + "test 1,000 held-out pairs, AdderBoard's 10,010 cases at the end");
    }
}
