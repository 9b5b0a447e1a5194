package org.threshold.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.threshold.app.fixtures.Cli;

/** The command itself: help, version, and exit code 2 for what a user typed wrong. */
class ThresholdCommandTest {

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result result = Cli.run("--help");
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Usage: threshold", "plugins", "validate", "sample", "--plugins=DIR",
                "Exit codes:", "2   bad input");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"plugins", "validate", "sample"}) {
            Cli.Result result = Cli.run(command, "--help");
            assertThat(result.code()).isZero();
            assertThat(result.out()).startsWith("Usage: threshold " + command);
        }
        assertThat(Cli.run("help", "sample").out()).contains("-n, --count=N");
    }

    @Test
    void versionNamesThresholdAndJava() {
        Cli.Result result = Cli.run("--version");
        assertThat(result.code()).isZero();
        assertThat(result.outLines().get(0)).matches("threshold \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(result.outLines().get(1)).startsWith("Java " + System.getProperty("java.version"));
    }

    @Test
    void anUnknownCommandOrOptionIsBadInput() {
        assertThat(Cli.run("trian").code()).isEqualTo(2);
        Cli.Result result = Cli.run("validate", "--fast", "x.yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown option: '--fast'");
    }

    @Test
    void noCommandPrintsUsageAsBadInput() {
        Cli.Result result = Cli.run();
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Usage: threshold");
    }
}
