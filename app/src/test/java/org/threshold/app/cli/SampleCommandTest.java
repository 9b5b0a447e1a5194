package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.app.fixtures.Cli;
import org.threshold.app.fixtures.PluginJars;

/** {@code threshold sample}: training examples and test prompts, one per line, in the task's text form. */
class SampleCommandTest {

    @TempDir
    Path dir;

    private Cli.Result sample(String... extra) {
        Path plugins = PluginJars.pluginsDirectory(dir.resolve("plugins"), "reverse.jar");
        Path run = PluginJars.runFile(dir, "run.yaml", """
                task: {type: reverse, symbols: 3, min_length: 2, max_length: 3, train_size: 12, test_size: 4}
                model: {type: bigram}
                """);
        String[] args = new String[3 + extra.length];
        args[0] = "--plugins";
        args[1] = plugins.toString();
        args[2] = "sample";
        System.arraycopy(extra, 0, args, 3, extra.length);
        args[args.length - 1] = run.toString();
        return Cli.run(args);
    }

    @Test
    void printsTrainingExamplesTakingComponentsInTurnThenPromptsWithTheirExpectedCompletions() {
        Cli.Result result = sample("-n", "4", "CONFIG");
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines).hasSize(8);
        // Components length-2 and length-3 in turn.
        assertThat(lines.subList(0, 4)).allSatisfy(line -> assertThat(line).matches("s[ABC]+=[ABC]+e"))
                .extracting(String::length).containsExactly(7, 9, 7, 9);
        for (String example : lines.subList(0, 4)) {
            String letters = example.substring(1, example.indexOf('='));
            assertThat(example).endsWith("=" + new StringBuilder(letters).reverse() + "e");
        }
        for (String prompt : lines.subList(4, 8)) {
            String[] parts = prompt.split("\t");
            assertThat(parts).hasSize(2);
            assertThat(parts[0]).matches("s[ABC]+=");
            assertThat(parts[1]).isEqualTo(new StringBuilder(parts[0].substring(1, parts[0].length() - 1)).reverse() + "e");
        }
    }

    @Test
    void theSameConfigPrintsTheSameSample() {
        assertThat(sample("CONFIG").out()).isEqualTo(sample("CONFIG").out());
    }

    @Test
    void withASetOnlyThatSetsPromptsArePrintedInItsOrderAndTestNamesTheHeadlineSet() {
        List<String> plain = sample("-n", "4", "CONFIG").outLines();
        assertThat(sample("-n", "4", "--set", "test", "CONFIG").outLines()).isEqualTo(plain.subList(4, 8));
        List<String> train = sample("-n", "3", "--set", "train", "CONFIG").outLines();
        assertThat(train).hasSize(3).allSatisfy(line -> assertThat(line).matches("s[ABC]+=\t[ABC]+e"));
        // the train set's prompts are training examples, cut at the '='
        assertThat(plain.subList(0, 4)).anySatisfy(example -> assertThat(example).isEqualTo(train.get(0).replace("\t", "")));
    }

    @Test
    void anUnknownSetIsBadInputNamingTheSetsThereAre() {
        Cli.Result result = sample("--set", "trian", "CONFIG");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("threshold: --set trian: the task has no test set of that name; its sets are test, train"
                + " (did you mean 'train'?)");
    }

    @Test
    void aCountOutOfRangeIsBadInput() {
        Cli.Result result = sample("-n", "0", "CONFIG");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("-n must be from 1 to 100000, got 0");
    }
}
