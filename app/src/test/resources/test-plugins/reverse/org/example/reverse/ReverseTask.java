package org.example.reverse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.TrainingSet;
import org.threshold.api.task.Vocabulary;

/**
 * Sequences and their reversal, {@code sABC=CBAe}: the prompt is everything up to {@code =}, the
 * completion the reversed letters and {@code e}. One component per length; the test sequences are
 * drawn first and never appear in training.
 */
final class ReverseTask implements Task {

    private static final int TRAIN_PROMPTS = 50;

    private final ReverseConfig config;
    private final Vocabulary vocabulary;
    private final List<Component> components = new ArrayList<>();
    private final List<EvalSet> evalSets = new ArrayList<>();
    private final int start;
    private final int equals;
    private final int end;

    ReverseTask(ReverseConfig config, long seed) {
        this.config = config;
        List<String> tokens = new ArrayList<>(List.of("#", "s", "=", "e"));
        for (int i = 0; i < config.symbols(); i++) {
            tokens.add(String.valueOf((char) ('A' + i)));
        }
        vocabulary = new Vocabulary(tokens, "#", "");
        start = vocabulary.id("s");
        equals = vocabulary.id("=");
        end = vocabulary.id("e");
        List<EvalItem> test = new ArrayList<>();
        List<EvalItem> trainPrompts = new ArrayList<>();
        for (int length = config.minLength(); length <= config.maxLength(); length++) {
            int k = length - config.minLength();
            int trainCount = share(config.trainSize(), k);
            int testCount = share(config.testSize(), k);
            SplittableRandom random = new SplittableRandom(seed * 31 + length);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < testCount; i++) {
                test.add(item(draw(random, length, seen)));
            }
            List<Example> examples = new ArrayList<>();
            for (int i = 0; i < trainCount; i++) {
                int[] letters = draw(random, length, seen);
                examples.add(example(letters));
                if (trainPrompts.size() < TRAIN_PROMPTS && i < TRAIN_PROMPTS / config.lengths() + 1) {
                    trainPrompts.add(item(letters));
                }
            }
            components.add(new Component("length-" + length, 1.0, new Examples(examples)));
        }
        evalSets.add(new EvalSet("", test));
        evalSets.add(new EvalSet("train", trainPrompts));
    }

    /** The k-th length's part of a total, the remainder going to the first lengths. */
    private int share(int total, int k) {
        return total / config.lengths() + (k < total % config.lengths() ? 1 : 0);
    }

    /** A sequence not drawn before (the config guarantees there are enough). */
    private int[] draw(SplittableRandom random, int length, Set<String> seen) {
        while (true) {
            int[] letters = new int[length];
            for (int i = 0; i < length; i++) {
                letters[i] = 4 + random.nextInt(config.symbols());
            }
            if (seen.add(java.util.Arrays.toString(letters))) {
                return letters;
            }
        }
    }

    private int[] prompt(int[] letters) {
        int[] prompt = new int[letters.length + 2];
        prompt[0] = start;
        System.arraycopy(letters, 0, prompt, 1, letters.length);
        prompt[letters.length + 1] = equals;
        return prompt;
    }

    private int[] completion(int[] letters) {
        int[] completion = new int[letters.length + 1];
        for (int i = 0; i < letters.length; i++) {
            completion[i] = letters[letters.length - 1 - i];
        }
        completion[letters.length] = end;
        return completion;
    }

    private EvalItem item(int[] letters) {
        return new EvalItem(prompt(letters), completion(letters), config.maxLength() + 1);
    }

    private Example example(int[] letters) {
        int[] prompt = prompt(letters);
        int[] completion = completion(letters);
        int[] tokens = new int[prompt.length + completion.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        return new Example(tokens, prompt.length);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int contextLength() {
        return 2 * config.maxLength() + 3;
    }

    @Override
    public List<Component> components() {
        return List.copyOf(components);
    }

    @Override
    public List<EvalSet> evalSets() {
        return List.copyOf(evalSets);
    }

    @Override
    public Scorer scorer() {
        return new Scorer() {
            @Override
            public List<String> metrics() {
                return List.of("accuracy", "position_accuracy");
            }

            @Override
            public Map<String, Double> score(EvalItem item, int[] generated) {
                int[] expected = item.expected();
                int right = 0;
                for (int i = 0; i < expected.length && i < generated.length; i++) {
                    right += generated[i] == expected[i] ? 1 : 0;
                }
                boolean exact = right == expected.length;
                return Map.of("accuracy", exact ? 1.0 : 0.0, "position_accuracy", right / (double) expected.length);
            }
        };
    }

    @Override
    public OptionalInt stopToken() {
        return OptionalInt.of(end);
    }

    @Override
    public String describe() {
        return "reverse " + config.minLength() + "-" + config.maxLength() + " letters of " + config.symbols() + " ("
                + config.trainSize() + " train, " + config.testSize() + " test)";
    }

    private record Examples(List<Example> examples) implements TrainingSet {

        @Override
        public int size() {
            return examples.size();
        }

        @Override
        public Example example(int epoch, int index) {
            return examples.get(index);
        }
    }
}
