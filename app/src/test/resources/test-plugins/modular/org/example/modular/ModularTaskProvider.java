package org.example.modular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntBinaryOperator;
import org.threshold.api.config.ConfigSection;
import org.threshold.api.task.Component;
import org.threshold.api.task.EvalItem;
import org.threshold.api.task.EvalSet;
import org.threshold.api.task.Example;
import org.threshold.api.task.OperationTable;
import org.threshold.api.task.OperationTables;
import org.threshold.api.task.Scorer;
import org.threshold.api.task.Task;
import org.threshold.api.task.TaskContext;
import org.threshold.api.task.TaskProvider;
import org.threshold.api.task.TrainingSet;
import org.threshold.api.task.Vocabulary;

/**
 * {@code task: {type: modular}}: addition (and subtraction) of residues, a third party's algebra
 * that offers its operation tables through the task SPI, so {@code threshold tables} draws them.
 */
public final class ModularTaskProvider implements TaskProvider<ModularConfig> {

    @Override
    public String name() {
        return "modular";
    }

    @Override
    public String description() {
        return "Addition and subtraction mod n: a small algebra with operation tables, built by the plugin tests";
    }

    @Override
    public ModularConfig config(ConfigSection section) {
        return ModularConfig.bind(section);
    }

    @Override
    public Optional<OperationTables> operationTables(ModularConfig config, boolean everyOperator) {
        List<String> labels = new ArrayList<>();
        for (int v = 0; v < config.modulus(); v++) {
            labels.add(String.valueOf(v));
        }
        List<OperationTable> tables = new ArrayList<>();
        for (String name : everyOperator ? ModularConfig.OPERATORS : config.operators()) {
            tables.add(OperationTable.of(name, symbol(name), labels, operator(name, config.modulus())));
        }
        return Optional.of(OperationTables.of("Z" + config.modulus(), tables));
    }

    static String symbol(String operator) {
        return operator.equals("ADD") ? "+" : "-";
    }

    static IntBinaryOperator operator(String name, int n) {
        return name.equals("ADD") ? (a, b) -> (a + b) % n : (a, b) -> Math.floorMod(a - b, n);
    }

    @Override
    public Task create(ModularConfig config, TaskContext context) {
        int n = config.modulus();
        List<String> tokens = new ArrayList<>(List.of("#", "s", "=", "e", "+", "-"));
        for (int v = 0; v < n; v++) {
            tokens.add(String.valueOf(v));
        }
        Vocabulary vocabulary = new Vocabulary(tokens, "#", "");
        List<Component> components = new ArrayList<>();
        List<EvalItem> test = new ArrayList<>();
        for (String name : config.operators()) {
            IntBinaryOperator op = operator(name, n);
            List<Example> examples = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    int[] prompt = {vocabulary.id("s"), vocabulary.id(String.valueOf(a)), vocabulary.id(symbol(name)),
                            vocabulary.id(String.valueOf(b)), vocabulary.id("=")};
                    int[] answer = {vocabulary.id(String.valueOf(op.applyAsInt(a, b))), vocabulary.id("e")};
                    int[] all = new int[prompt.length + answer.length];
                    System.arraycopy(prompt, 0, all, 0, prompt.length);
                    System.arraycopy(answer, 0, all, prompt.length, answer.length);
                    examples.add(new Example(all, prompt.length));
                    test.add(new EvalItem(prompt, answer, answer.length));
                }
            }
            components.add(new Component(name, 1.0, new TrainingSet() {
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
        int end = vocabulary.id("e");
        return new Task() {
            @Override
            public Vocabulary vocabulary() {
                return vocabulary;
            }

            @Override
            public int contextLength() {
                return 7;
            }

            @Override
            public List<Component> components() {
                return components;
            }

            @Override
            public List<EvalSet> evalSets() {
                return List.of(new EvalSet("", test));
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
                        return Map.of("accuracy", java.util.Arrays.equals(item.expected(), generated) ? 1.0 : 0.0);
                    }
                };
            }

            @Override
            public OptionalInt stopToken() {
                return OptionalInt.of(end);
            }

            @Override
            public String describe() {
                return String.join("+", config.operators()) + " mod " + n;
            }
        };
    }
}
