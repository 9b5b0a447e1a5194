package org.threshold.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.api.task.TrainingSet;
import org.threshold.api.task.Vocabulary;

/**
 * {@code s3=4e}: the successor of a digit mod 10, a task small enough to break on purpose. Each
 * {@link Defect} breaks one rule of the task contract, so the testkit's own tests can show that
 * the contract catches it.
 */
final class SuccessorTask implements Task {

    /** What is wrong with the task. */
    enum Defect {
        NONE, SCORER_REJECTS_ITS_OWN_ANSWERS, DATA_DEPENDS_ON_MORE_THAN_THE_SEED, TOKEN_OUTSIDE_THE_VOCABULARY,
        EXAMPLE_LONGER_THAN_THE_CONTEXT, HEADLINE_SET_HAS_A_NAME
    }

    private static final AtomicLong CREATIONS = new AtomicLong();
    private static final Vocabulary VOCABULARY = new Vocabulary(
            List.of("#", "s", "=", "e", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "#", "");

    private final Defect defect;
    private final List<Example> examples = new ArrayList<>();
    private final List<EvalItem> items = new ArrayList<>();

    SuccessorTask(int size, long seed, Defect defect) {
        this.defect = defect;
        long effectiveSeed = defect == Defect.DATA_DEPENDS_ON_MORE_THAN_THE_SEED ? seed + CREATIONS.incrementAndGet() : seed;
        SplittableRandom random = new SplittableRandom(effectiveSeed);
        for (int i = 0; i < size; i++) {
            int d = random.nextInt(10);
            int answer = defect == Defect.TOKEN_OUTSIDE_THE_VOCABULARY && i == size - 1 ? 10 : (d + 1) % 10;
            examples.add(new Example(new int[] {1, 4 + d, 2, 4 + answer, 3}, 3));
            items.add(new EvalItem(new int[] {1, 4 + d, 2}, new int[] {4 + answer, 3}, 2));
        }
    }

    @Override
    public Vocabulary vocabulary() {
        return VOCABULARY;
    }

    @Override
    public int contextLength() {
        return defect == Defect.EXAMPLE_LONGER_THAN_THE_CONTEXT ? 4 : 5;
    }

    @Override
    public List<Component> components() {
        return List.of(new Component("successor", 1.0, new TrainingSet() {
            @Override
            public int size() {
                return examples.size();
            }

            @Override
            public Example example(int epoch, int index) {
                return examples.get(index);
            }
        }));
    }

    @Override
    public List<EvalSet> evalSets() {
        return List.of(new EvalSet(defect == Defect.HEADLINE_SET_HAS_A_NAME ? "test" : "", items));
    }

    @Override
    public Scorer scorer() {
        return new Scorer() {
            @Override
            public List<String> metrics() {
                return List.of("accuracy");
            }

            @Override
            public Map<String, Double> score(EvalItem item, int[] generated) {
                boolean right = generated.length > 0 && generated[0] == item.expected()[0];
                if (defect == Defect.SCORER_REJECTS_ITS_OWN_ANSWERS) {
                    right = generated.length > 0 && generated[0] == item.prompt()[1];
                }
                return Map.of("accuracy", right ? 1.0 : 0.0);
            }
        };
    }

    @Override
    public OptionalInt stopToken() {
        return OptionalInt.of(3);
    }

    @Override
    public String describe() {
        return "successor mod 10, " + examples.size() + " examples";
    }

    /** {@code task: {type: successor, size: 20}}. */
    static final class Provider implements TaskProvider<Integer> {

        private final Defect defect;
        private final String name;

        Provider(Defect defect, String name) {
            this.defect = defect;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "The successor of a digit mod 10";
        }

        @Override
        public Integer config(ConfigSection section) {
            return section.integer("size", 20, 1, 1000);
        }

        @Override
        public Task create(Integer size, TaskContext context) {
            return new SuccessorTask(size, context.seed(), defect);
        }
    }
}
