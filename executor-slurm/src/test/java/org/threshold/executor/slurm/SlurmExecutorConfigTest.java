package org.threshold.executor.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.threshold.api.config.ConfigException;
import org.threshold.api.config.ConfigProblem;

/** sweep.executor with type slurm: defaults, every key, and problems at their file:line:column. */
class SlurmExecutorConfigTest {

    private static List<String> problems(String yaml) {
        try {
            Configs.bind(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems in " + yaml);
    }

    @Test
    void withOnlyItsTypeNothingReachesSbatchButTheExecutorsOwnOptions() {
        SlurmExecutorConfig config = Configs.bind("executor: {type: slurm}\n");
        assertThat(config).isEqualTo(SlurmExecutorConfig.defaults());
        assertThat(config.partition()).isEmpty();
        assertThat(config.time()).isEmpty();
        assertThat(config.mem()).isEmpty();
        assertThat(config.account()).isEmpty();
        assertThat(config.qos()).isEmpty();
        assertThat(config.cpusPerTask()).as("a point's one thread").isEqualTo(1);
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.parallel()).isEmpty();
        assertThat(config.signalSeconds()).isEqualTo(90);
        assertThat(config.poll()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyKeyIsBound() {
        SlurmExecutorConfig config = Configs.bind("""
                executor:
                  type: slurm
                  partition: short
                  time: 2:00:00
                  mem: 4G
                  account: my-lab
                  qos: normal
                  cpus_per_task: 2
                  parallel: 50
                  signal_seconds: 120
                  sbatch: [--constraint=skylake, --exclusive]
                  setup: [module load java/17, export OMP_NUM_THREADS=2]
                  poll_seconds: 30
                """);
        assertThat(config).isEqualTo(new SlurmExecutorConfig(Optional.of("short"), Optional.of("2:00:00"), Optional.of("4G"),
                Optional.of("my-lab"), Optional.of("normal"), 2, 2, OptionalInt.of(50), 120,
                List.of("--constraint=skylake", "--exclusive"), List.of("module load java/17", "export OMP_NUM_THREADS=2"),
                Duration.ofSeconds(30)));
    }

    @Test
    void cpusPerTaskDefaultsToThePointsThreadsAndTheThreadsToTheCpus() {
        assertThat(Configs.bind("executor: {type: slurm, threads: 4}\n").cpusPerTask()).isEqualTo(4);
        assertThat(Configs.bind("executor: {type: slurm, cpus_per_task: 3}\n").threads()).isEqualTo(3);
        SlurmExecutorConfig both = Configs.bind("executor: {type: slurm, cpus_per_task: 2, threads: 1}\n");
        assertThat(both.cpusPerTask()).isEqualTo(2);
        assertThat(both.threads()).isEqualTo(1);
        assertThat(Configs.bind("executor: {type: slurm, parallel: auto}\n").parallel()).as("auto: no throttle").isEmpty();
    }

    @Test
    void stackIsOneByDefaultAndTakesAWholeNumberOrAuto() {
        assertThat(Configs.bind("executor: {type: slurm}\n").stack()).as("a task per point").hasValue(1);
        assertThat(Configs.bind("executor: {type: slurm, stack: 4}\n").stack()).hasValue(4);
        assertThat(Configs.bind("executor: {type: slurm, stack: auto}\n").stack()).isEmpty();
        assertThat(problems("""
                executor:
                  type: slurm
                  stack: 65
                """)).singleElement().asString().startsWith("sweep.yaml:3:3: executor.stack: expected auto or a whole number from 1 "
                + "to 64 of points trained as one stack, found");
    }

    @Test
    void slurmTimeFormatsAreTaken() {
        for (String time : List.of("30", "30:00", "1:30:00", "2-0", "2-12:00", "2-12:00:00", "UNLIMITED")) {
            assertThat(Configs.bind("executor: {type: slurm, time: \"" + time + "\"}\n").time()).contains(time);
        }
    }

    @Test
    void anUnknownKeyIsAProblemAtItsPositionWithDidYouMean() {
        assertThat(problems("""
                executor:
                  type: slurm
                  partiton: short
                """)).containsExactly("sweep.yaml:3:3: executor.partiton: expected one of the keys type, partition, time, mem, "
                + "account, qos, cpus_per_task, threads, parallel, signal_seconds, sbatch, setup, poll_seconds, stack, found 'partiton' "
                + "(did you mean 'partition'?)");
    }

    /** A type mismatch is at the value (the section's rule); a value of the right type that Slurm would refuse, at its key. */
    @Test
    void badValuesAreProblemsAtTheirPositions() {
        assertThat(problems("""
                executor:
                  type: slurm
                  time: two hours
                  mem: 4 GB
                  partition: "a b"
                  cpus_per_task: 0
                  parallel: many
                  signal_seconds: 100000
                """)).containsExactly(
                "sweep.yaml:3:3: executor.time: expected a Slurm time limit (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS), "
                        + "found 'two hours'",
                "sweep.yaml:4:3: executor.mem: expected memory per node as sbatch takes it (e.g. 4000, 4000M, 4G), found '4 GB'",
                "sweep.yaml:5:3: executor.partition: expected a Slurm partition name (letters, digits and . _ + : @ -, several "
                        + "joined by commas), found 'a b'",
                "sweep.yaml:6:18: executor.cpus_per_task: expected an integer from 1 to 4096, found '0'",
                "sweep.yaml:7:3: executor.parallel: expected auto (no limit) or a whole number from 1 to 999999 of tasks at once, "
                        + "found 'many'",
                "sweep.yaml:8:19: executor.signal_seconds: expected an integer from 1 to 65535, found '100000'");
    }

    @Test
    void sbatchOptionsTheExecutorWritesItselfAreRefusedNamingTheKeyToSet() {
        assertThat(problems("""
                executor:
                  type: slurm
                  sbatch: [--partition=gpu, --array=0-9, constraint=x]
                """)).containsExactly(
                "sweep.yaml:3:3: executor.sbatch: the option --partition is the executor's: set partition instead",
                "sweep.yaml:3:3: executor.sbatch: the option --array is the executor's: the executor chooses the arrays (set "
                        + "parallel to throttle them)",
                "sweep.yaml:3:3: executor.sbatch: expected sbatch options, each starting with - (e.g. --constraint=skylake), "
                        + "found 'constraint=x'");
    }

    @Test
    void anUnknownExecutorTypeNamesTheOnesThereAre() {
        assertThatThrownBy(() -> Configs.bind("executor: {type: slrum}\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sweep.yaml:1:12: executor.type: expected one of the executor plugins slurm, found 'slrum' "
                        + "(did you mean 'slurm'?)");
    }
}
