package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;

/**
 * {@code threshold sample} on an assign-add config (tasks-assign-add/README.md): training lines
 * carry no tab; {@code --set routed.held_out} prints that set's prompts, each followed by a tab and
 * its expected completion, every one reading a variable bound to one of its held-out values.
 * The answers are worked out here from the text alone.
 */
class AssignAddSampleTest {

    private static final Pattern BINDING = Pattern.compile("([a-z])=([a-z0-9])");

    @TempDir
    Path dir;

    private Path config() {
        return PluginJars.runFile(dir, "assign-add.yaml", """
                task: {type: assign-add, train_size: 300, eval_size: 40}
                model: {type: gpt, d: 16, layers: 2, heads: 1, mlp_layers: [1]}
                """);
    }

    /** The bound value of every variable of a prompt {@code sa=3,b=a;...}, a variable bound to another taking its value. */
    private static Map<Character, Integer> bindings(String prompt) {
        Map<Character, Integer> values = new HashMap<>();
        int semicolon = prompt.indexOf(';');
        if (semicolon < 0) {
            return values;
        }
        Matcher m = BINDING.matcher(prompt.substring(1, semicolon));
        while (m.find()) {
            char target = m.group(2).charAt(0);
            values.put(m.group(1).charAt(0), Character.isDigit(target) ? target - '0' : values.get(target));
        }
        return values;
    }

    /** The answer of a prompt ending in its query's {@code =}, mod 10: a lookup's value or a sum. */
    private static int answer(String prompt) {
        Map<Character, Integer> values = bindings(prompt);
        // a direct prompt (s3+5=) has no bindings and no ';'
        String query = prompt.substring(prompt.indexOf(';') >= 0 ? prompt.indexOf(';') + 1 : 1, prompt.length() - 1);
        int sum = 0;
        for (String operand : query.split("\\+")) {
            char c = operand.charAt(0);
            sum += Character.isDigit(c) ? c - '0' : values.get(c);
        }
        return sum % 10;
    }

    /** README: with the defaults (n 10, held_out 0.25, m = 2) variable i holds out 2i and 2i + 1, mod 10. */
    private static boolean heldOut(char variable, int value) {
        int i = "abcdfghijklmnopqrtuvwxyz".indexOf(variable);
        return value == (2 * i) % 10 || value == (2 * i + 1) % 10;
    }

    @Test
    void routedHeldOutPromptsAreFollowedByATabAndTheirExpectedCompletion() {
        Cli.Result result = Cli.run("sample", "-n", "10", "--set", "routed.held_out", config().toString());
        assertThat(result.code()).as(result.err()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines).hasSize(10);
        for (String line : lines) {
            String[] parts = line.split("\t", -1);
            assertThat(parts).as(line).hasSize(2);
            String prompt = parts[0];
            assertThat(prompt).matches("s([a-z]=[0-9],)*[a-z]=[0-9];[a-z]\\+[a-z0-9]=|s([a-z]=[0-9],)*[a-z]=[0-9];[0-9]\\+[a-z]=");
            assertThat(parts[1]).isEqualTo(answer(prompt) + "e");
            Map<Character, Integer> values = bindings(prompt);
            String query = prompt.substring(prompt.indexOf(';') + 1);
            long read = query.chars().filter(Character::isLowerCase).filter(c -> heldOut((char) c, values.get((char) c))).count();
            assertThat(read).as(prompt + " reads exactly one held-out pair").isEqualTo(1);
        }
    }

    @Test
    void trainingLinesCarryNoTabAndEndWithTheirAnswerAndE() {
        Cli.Result result = Cli.run("sample", "-n", "8", config().toString());
        assertThat(result.code()).as(result.err()).isZero();
        List<String> training = result.outLines().subList(0, 8);
        for (String line : training) {
            assertThat(line).as(line).doesNotContain("\t").endsWith("e");
            String prompt = line.substring(0, line.length() - 2);
            assertThat(line.charAt(line.length() - 2) - '0').as(line).isEqualTo(answer(prompt));
            Map<Character, Integer> values = bindings(prompt);
            values.forEach((variable, value) -> assertThat(heldOut(variable, value)).as(line + " binds no held-out pair").isFalse());
        }
        assertThat(result.outLines().subList(8, result.outLines().size())).isNotEmpty().allSatisfy(line -> assertThat(line).contains("\t"));
    }
}
